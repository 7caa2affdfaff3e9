export * from './agreement-periods';
export * from './art28-clauses';
export * from './dpa.commands';
export * from './dpa.decider';
export * from './dpa.events';
