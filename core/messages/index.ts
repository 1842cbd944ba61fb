export * from './catalog.js';
export * from './explain.js';
