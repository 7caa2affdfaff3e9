export * from './audit-answer.rules';
export * from './audit-questionnaire';
export * from './audit-templates';
export * from './audit.commands';
export * from './audit.decider';
export * from './audit.events';
