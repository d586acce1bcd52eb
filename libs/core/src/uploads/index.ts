export * from './zip-inspection';
export * from './xlsx-rows';
