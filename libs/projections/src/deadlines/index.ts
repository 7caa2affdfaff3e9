export * from './deadline.row';
export * from './deadlines.projection';
export * from './deadlines.queries';
