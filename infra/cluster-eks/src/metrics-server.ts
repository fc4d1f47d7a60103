import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';
import { criticalAddonsOnlyToleration } from './system-taint.ts';
import { metricsServerChart } from './versions.ts';

/**
 * Installs metrics-server, which EKS does not run by default, Auto Mode included: without it the
 * resource metrics API is missing and every HorizontalPodAutoscaler reports `<unknown>` and
 * never scales. Two replicas and a PDB keep the metrics API up through node drains; the
 * `CriticalAddonsOnly` toleration lets it run on the nodes kept for system add-ons (Auto Mode's
 * `system` pool, the Karpenter mode's system node group) as well as on any other.
 *
 * @example
 * installMetricsServer('slipway-metrics-server', { parent: this, provider });
 */
export function installMetricsServer(
  name: string,
  opts: pulumi.CustomResourceOptions,
): k8s.helm.v3.Release {
  return new k8s.helm.v3.Release(
    name,
    {
      name: 'metrics-server',
      namespace: 'kube-system',
      chart: metricsServerChart.chart,
      version: metricsServerChart.version,
      repositoryOpts: { repo: metricsServerChart.repo },
      values: {
        replicas: 2,
        podDisruptionBudget: { enabled: true, minAvailable: 1 },
        tolerations: [criticalAddonsOnlyToleration],
      },
    },
    opts,
  );
}
