export { type NodePool, type NodePoolSchema, resolveNodePool } from './node-pool.js';
