export * from './subprocessor.row';
export * from './subprocessors.projection';
export * from './subprocessors.queries';
