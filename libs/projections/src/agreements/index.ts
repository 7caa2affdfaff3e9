export * from './dpa.row';
export * from './dpa.projection';
export * from './dpa.queries';
