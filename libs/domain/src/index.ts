export * from './shared';
export * from './instructions';
