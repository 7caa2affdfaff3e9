export * from './agreement-terms';
export * from './deadline-rules';
export * from './obligation';
export * from './obligations';
