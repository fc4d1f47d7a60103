import { metricsEndpoint, productNames, telemetry } from '@slipway/platform-contract';
import { platformLabels } from './platform-labels.ts';

/** The PodMonitor's name in each environment namespace. */
const servicesPodMonitorName = `${productNames.name}-services`;

/**
 * The PodMonitor that has Prometheus scrape every Slipway service of an environment namespace:
 * the pods the services program labels `app.kubernetes.io/part-of` (with `telemetry.ruleLabel`,
 * which is also what Prometheus selects PodMonitors by), on the container port named `metrics`
 * alone, never the public one. Each series gets a `service` label, the pod's
 * `app.kubernetes.io/name`, which the generated dashboards and rules select by.
 *
 * @example
 * servicesPodMonitor('slipway-dev');
 */
export function servicesPodMonitor(namespace: string) {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: {
      name: servicesPodMonitorName,
      namespace,
      labels: {
        ...platformLabels(servicesPodMonitorName, namespace, 'pod-monitor'),
        ...telemetry.ruleLabel,
      },
    },
    spec: {
      selector: { matchLabels: { ...telemetry.ruleLabel } },
      namespaceSelector: { matchNames: [namespace] },
      podMetricsEndpoints: [
        {
          port: metricsEndpoint.portName,
          path: metricsEndpoint.path,
          relabelings: [
            {
              sourceLabels: ['__meta_kubernetes_pod_label_app_kubernetes_io_name'],
              targetLabel: 'service',
            },
          ],
        },
      ],
    },
  } as const;
}
