export * from './consent.events';
export * from './consent.commands';
export * from './consent.decider';
export * from './contact-permission';
export * from './subject-identifier';
