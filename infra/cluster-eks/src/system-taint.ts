/**
 * The taint of the nodes kept for system add-ons (Karpenter mode's system node group; Auto
 * Mode's `system` pool carries the same key), and the toleration that lets an add-on run there.
 */
const criticalAddonsOnlyKey = 'CriticalAddonsOnly';

/** The taint, as a managed node group spells it. */
export const criticalAddonsOnlyTaint = {
  key: criticalAddonsOnlyKey,
  value: 'true',
  effect: 'NO_SCHEDULE',
} as const;

/** The toleration, as a pod spec spells it. */
export const criticalAddonsOnlyToleration = {
  key: criticalAddonsOnlyKey,
  operator: 'Exists',
} as const;
