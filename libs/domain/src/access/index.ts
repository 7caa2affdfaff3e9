export * from './api-key.events';
export * from './api-key.decider';
