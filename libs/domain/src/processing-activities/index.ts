export * from './processing-activity.commands';
export * from './processing-activity.decider';
export * from './processing-activity.events';
export * from './processing-activity.rules';
