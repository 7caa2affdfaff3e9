export * from './subprocessor-authorisation';
export * from './subprocessor.commands';
export * from './subprocessor.decider';
export * from './subprocessor.events';
export * from './subprocessor.state';
