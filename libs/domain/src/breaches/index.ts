export * from './breach.commands';
export * from './breach.decider';
export * from './breach.events';
