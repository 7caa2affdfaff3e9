export * from './domain-error';
export * from './decider';
export * from './time-rules';
export * from './deadlines';
export * from './required-text';
export * from './third-country-transfers';
