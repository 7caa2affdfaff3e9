export * from './subject-erasure.commands';
export * from './subject-erasure.decider';
export * from './subject-erasure.events';
