// @ts-check
export { bundleSource } from './bundle-source.js';
export { importSource, writeSourceBundle } from './import-source.js';
