export * from './test-database';
export * from './test-context';
export * from './xlsx-bomb';
