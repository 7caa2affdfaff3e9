export * from './point-in-time';
export * from './register-source';
export * from './revisions';
