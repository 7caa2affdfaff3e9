export * from './processing-activity.row';
export * from './processing-activities.projection';
export * from './processing-activities.queries';
export * from './register-at';
