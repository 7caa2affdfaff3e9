export * from './shared';
export * from './instructions';
export * from './processing-activities';
export * from './breaches';
export * from './data-subject-requests';
export * from './audits';
export * from './agreements';
export * from './subprocessors';
