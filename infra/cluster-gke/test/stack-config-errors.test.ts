import { describe, expect, it } from 'vitest';
import { runGkeProgram } from './helpers/gke-program.ts';

describe('GKE cluster stack config that cannot apply', () => {
  it.each([
    [
      'nodePool in Autopilot mode',
      { nodePool: { minNodes: 3 } },
      'stack config nodePool applies only to mode: standard; Autopilot sizes nodes per pod itself. Remove it, or set mode: standard',
    ],
    [
      'resourceLimits in Autopilot mode',
      { mode: 'autopilot', resourceLimits: { cpu: 32 } },
      'stack config resourceLimits applies only to mode: standard; Autopilot sizes nodes per pod itself. Remove it, or set mode: standard',
    ],
    [
      'apiAllowedCidrs, which the DNS endpoint does not check',
      { mode: 'standard', apiAllowedCidrs: ['203.0.113.0/24'] },
      /^stack config apiAllowedCidrs no longer applies: .*DNS-based endpoint, where IAM \(container\.clusters\.connect\).*Remove it, and grant roles\/container\.developer/,
    ],
    [
      'an unknown mode',
      { mode: 'auto' },
      'stack config mode must be one of autopilot, standard, got "auto"',
    ],
    [
      'a resource limit below one',
      { mode: 'standard', resourceLimits: { cpu: 0 } },
      'stack config resourceLimits.cpu must be a whole number of at least 1, got 0',
    ],
    [
      'a node pool whose maximum is below its minimum',
      { mode: 'standard', nodePool: { minNodes: 5, maxNodes: 4 } },
      'nodePool.maxNodes must be a whole number of at least nodePool.minNodes (5), got 4',
    ],
    [
      'fewer than three zones',
      { zones: ['europe-west1-b', 'europe-west1-c'] },
      'zones must list at least 3 zones for a zone-redundant cluster, got 2',
    ],
  ])('rejects %s, naming the field and the fix', async (_case, config, message) => {
    await expect(runGkeProgram(config)).rejects.toThrow(message);
  });
});
