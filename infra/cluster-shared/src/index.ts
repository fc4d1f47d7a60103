export { type NodePool, type NodePoolSchema, resolveNodePool } from './node-pool.ts';
export { minimumZones, requireZoneRedundancy } from './zones.ts';
