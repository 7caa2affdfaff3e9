export * from './checkpoints';
export * from './pagination';
export * from './projection';
export * from './projection-runner';
export * from './instructions/instruction.row';
export * from './instructions/instructions.projection';
export * from './instructions/instructions.queries';
export * from './all-projections';
