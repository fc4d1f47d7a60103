export { type NodePool, type NodePoolSchema, resolveNodePool } from './node-pool.ts';
export { rejectSetting } from './stack-config-error.ts';
export { minimumZones, requireZoneRedundancy } from './zones.ts';
