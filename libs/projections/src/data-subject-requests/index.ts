export * from './data-subject-request.row';
export * from './data-subject-requests.projection';
export * from './data-subject-requests.queries';
