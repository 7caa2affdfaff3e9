export * from './breach.row';
export * from './breaches.projection';
export * from './breaches.queries';
