export * from './audit.row';
export * from './audits.projection';
export * from './audits.queries';
export * from './citation-staleness';
