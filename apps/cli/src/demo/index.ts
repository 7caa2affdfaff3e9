export * from './demo-queries';
export * from './demo-report';
export * from './load-demo';
