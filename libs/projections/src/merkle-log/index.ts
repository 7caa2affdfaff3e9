export * from './merkle-leaves';
export * from './merkle-log.projection';
export * from './merkle-nodes';
export * from './signed-checkpoints';
