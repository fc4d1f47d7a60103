import { describe, expect, it } from 'vitest';
import { autoscalingBehaviorDefaults } from '@slipway/platform-contract';
import { type ServiceManifestInput, validateServiceManifest } from '@slipway/service-manifest';
import { autoscalerSpec, disruptionBudgetSpec } from './scaling-specs.ts';

function manifestOf(fields: Partial<ServiceManifestInput> = {}) {
  return validateServiceManifest(
    { name: 'ledger', port: 4100, ...fields },
    { file: 'apps/ledger/service.yaml', folder: 'ledger' },
  );
}

describe('autoscalerSpec', () => {
  it('scales the Deployment between the manifest min and max on CPU alone by default', () => {
    expect(autoscalerSpec(manifestOf({ replicas: { min: 3, max: 9 } }), 'prod')).toMatchObject({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'ledger' },
      minReplicas: 3,
      maxReplicas: 9,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
        },
      ],
    });
  });

  it('adds a memory target only when the manifest sets one', () => {
    const spec = autoscalerSpec(
      manifestOf({ autoscaling: { cpuUtilization: 60, memoryUtilization: 75 } }),
      'prod',
    );
    expect(spec.metrics).toHaveLength(2);
    expect(JSON.stringify(spec.metrics)).toContain('"name":"memory"');
  });

  it("caps the maximum at dev's profile and keeps the manifest's minimum", () => {
    const manifest = manifestOf({ replicas: { min: 2, max: 10 } });
    expect(autoscalerSpec(manifest, 'dev')).toMatchObject({ minReplicas: 2, maxReplicas: 3 });
    expect(autoscalerSpec(manifest, 'staging')).toMatchObject({ minReplicas: 2, maxReplicas: 10 });
  });
});

/** The behavior as written: the spec's type allows Pulumi outputs, this one is plain. */
interface Behavior {
  readonly scaleUp?: {
    readonly stabilizationWindowSeconds?: number;
    readonly selectPolicy?: string;
  };
  readonly scaleDown?: { readonly stabilizationWindowSeconds?: number };
}
const behaviorOf = (manifest: ReturnType<typeof manifestOf>) =>
  autoscalerSpec(manifest, 'prod').behavior as Behavior;

describe('the autoscaler behavior', () => {
  it('scales up at once and down slowly, as the platform contract says', () => {
    const behavior = behaviorOf(manifestOf());
    expect(behavior).toEqual(autoscalingBehaviorDefaults);
    // Up: no waiting, the steepest policy wins; down: minutes of lower load first.
    expect(behavior?.scaleUp).toMatchObject({ stabilizationWindowSeconds: 0, selectPolicy: 'Max' });
    expect(behavior?.scaleDown?.stabilizationWindowSeconds).toBeGreaterThanOrEqual(60);
  });

  it('waits as long as the manifest says before scaling down, and keeps the rest', () => {
    const manifest = manifestOf({ autoscaling: { scaleDownStabilizationSeconds: 900 } });
    const behavior = behaviorOf(manifest);
    expect(behavior?.scaleDown).toEqual({
      ...autoscalingBehaviorDefaults.scaleDown,
      stabilizationWindowSeconds: 900,
    });
    expect(behavior?.scaleUp).toEqual(autoscalingBehaviorDefaults.scaleUp);
  });
});

describe('disruptionBudgetSpec', () => {
  it('lets one pod go at a time, selects the pods of the environment and evicts unhealthy pods', () => {
    expect(disruptionBudgetSpec(manifestOf(), 'prod')).toEqual({
      maxUnavailable: 1,
      selector: {
        matchLabels: {
          'app.kubernetes.io/name': 'ledger',
          'app.kubernetes.io/instance': 'ledger-prod',
        },
      },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    });
  });
});
