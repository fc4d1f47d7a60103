export { type NodePool, type NodePoolSchema, resolveNodePool } from './node-pool.js';
export { minimumZones, requireZoneRedundancy } from './zones.js';
