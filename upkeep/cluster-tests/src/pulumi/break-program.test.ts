import { describe, expect, it } from 'vitest';
import { brokenDeployment } from './break-program.ts';

const deployment = {
  metadata: { name: 'orders', annotations: { team: 'checkout' } },
  spec: {
    template: {
      spec: {
        securityContext: { runAsNonRoot: true },
        containers: [{ name: 'orders', securityContext: { runAsNonRoot: true } }],
        topologySpreadConstraints: [
          { topologyKey: 'topology.kubernetes.io/zone', maxSkew: 1 },
          { topologyKey: 'kubernetes.io/hostname', maxSkew: 1 },
        ],
      },
    },
  },
};

describe('brokenDeployment', () => {
  it('spread: drops the zone constraint and keeps the hostname one', () => {
    const broken = brokenDeployment(deployment, new Set(['spread']));
    expect(broken.spec?.template?.spec?.topologySpreadConstraints).toEqual([
      { topologyKey: 'kubernetes.io/hostname', maxSkew: 1 },
    ]);
    expect(broken.metadata).toEqual(deployment.metadata);
  });

  it('root: lets pod and containers run as root, and tells Pulumi not to wait for the rollout', () => {
    const broken = brokenDeployment(deployment, new Set(['root']));
    const pod = broken.spec?.template?.spec;
    expect(pod?.securityContext).toEqual({ runAsNonRoot: false, runAsUser: 0 });
    expect(pod?.containers?.[0]?.securityContext).toEqual({ runAsNonRoot: false, runAsUser: 0 });
    expect(broken.metadata?.annotations).toEqual({
      team: 'checkout',
      'pulumi.com/skipAwait': 'true',
    });
    expect(pod?.topologySpreadConstraints).toHaveLength(2);
  });

  it('replicas: sets a count, and nothing else changes', () => {
    const broken = brokenDeployment(deployment, new Set(['replicas']));
    expect(broken).toEqual({ ...deployment, spec: { ...deployment.spec, replicas: 1 } });
  });
});
