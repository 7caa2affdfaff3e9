export * from './data-subject-request.commands';
export * from './data-subject-request.decider';
export * from './data-subject-request.events';
