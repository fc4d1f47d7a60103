// @ts-check
export { bundleSource, sourceCondition } from './bundle-source.js';
export { importSource, writeSourceBundle } from './import-source.js';
