export const EXPORT_SOURCES = Symbol('EXPORT_SOURCES');
