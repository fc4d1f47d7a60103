import { alertSeverities } from '@slipway/platform-contract';
import type { Environment } from '@slipway/service-manifest';
import type { AlertingRule } from './prometheus-rules.ts';
import type { ServiceSeries } from './service-series.ts';

/** Restarts within {@link crashLoopWindow} that make a container crash-looping. */
const crashLoopRestarts = 3;
const crashLoopWindow = '30m';
/** How long an autoscaler must sit at its maximum before it is worth a ticket. */
const atMaximumFor = '15m';

/**
 * Alerts on how a service's pods run, from kube-state-metrics: a container restarting again and
 * again (a crash loop, whatever its reason), and an autoscaler held at its maximum, which can add
 * no more pods when the load grows. Both are tickets: the objectives' alerts page when users feel it.
 * @example workloadAlerts({ service: 'orders', environment: 'prod', series }).map((a) => a.alert) // ['PodCrashLooping', 'AutoscalerAtMaximum']
 */
export function workloadAlerts({
  service,
  environment,
  series,
}: {
  readonly service: string;
  readonly environment: Environment;
  readonly series: ServiceSeries;
}): AlertingRule[] {
  const labels = { severity: alertSeverities.ticket, service, environment };
  const autoscaler = (metric: string) =>
    `max by (namespace, horizontalpodautoscaler) (kube_horizontalpodautoscaler_${metric}{${series.autoscaler}})`;
  return [
    {
      alert: 'PodCrashLooping',
      expr: `sum by (namespace, pod, container) (
  increase(kube_pod_container_status_restarts_total{${series.container}}[${crashLoopWindow}])
) >= ${crashLoopRestarts}`,
      labels,
      annotations: {
        summary: `A pod of ${service} (${environment}) is crash-looping`,
        description: `Container {{ $labels.container }} of pod {{ $labels.pod }} restarted ${crashLoopRestarts} times or more in ${crashLoopWindow}: read its previous logs (kubectl logs --previous) and its events.`,
      },
    },
    {
      alert: 'AutoscalerAtMaximum',
      expr: `${autoscaler('status_current_replicas')}
>=
${autoscaler('spec_max_replicas')}`,
      for: atMaximumFor,
      labels,
      annotations: {
        summary: `${service} (${environment}) has run at its maximum replicas for ${atMaximumFor}`,
        description: `The autoscaler holds {{ $value }} replicas, its maximum: more load will not get more pods. Raise replicas.max in the manifest, or find what made the service slower.`,
      },
    },
  ];
}
