export * from './types.js';
export * from './labels.js';
export * from './walk.js';
export * from './references.js';
