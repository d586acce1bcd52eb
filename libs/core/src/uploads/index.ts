export * from './zip-inspection';
export * from './xlsx-rows';
export * from './evidence-file';
