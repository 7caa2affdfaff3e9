export * from './instruction.commands';
export * from './instruction.decider';
export * from './instruction.events';
