/**
 * The pods of the monitoring namespace and the ports they serve, by the labels the pinned charts
 * (versions.ts) put on them: what the namespace's NetworkPolicies select and the values files
 * configure. Release names are fixed, because pod labels and Service names derive from them.
 */
import { telemetry } from '@slipway/platform-contract';
import type { AddonWorkload } from './network-policy-peers.ts';

/** The Helm release names, each also the `app.kubernetes.io/instance` of its pods. */
export const monitoringReleases = {
  stack: 'kube-prometheus-stack',
  collector: telemetry.collector.service,
  tempo: 'tempo',
} as const;

/** Operator-made pods carry these (prometheus-operator pkg/operator: `makeSelectorLabels`). */
const operated = (name: string) => ({
  name,
  podLabels: {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/managed-by': 'prometheus-operator',
  },
});

/** Prometheus, run by the operator from the chart's `Prometheus` object. */
export const prometheusPods = operated('prometheus') satisfies AddonWorkload;

/** Alertmanager, run by the operator from the chart's `Alertmanager` object. */
export const alertmanagerPods = operated('alertmanager') satisfies AddonWorkload;

/** The Prometheus operator (kube-prometheus-stack templates/prometheus-operator/deployment.yaml). */
export const prometheusOperatorPods = {
  name: 'prometheus-operator',
  podLabels: { app: 'kube-prometheus-stack-operator', release: monitoringReleases.stack },
} as const satisfies AddonWorkload;

/** kube-state-metrics, the chart's dependency, release-named. */
export const kubeStateMetricsPods = {
  name: 'kube-state-metrics',
  podLabels: {
    'app.kubernetes.io/name': 'kube-state-metrics',
    'app.kubernetes.io/instance': monitoringReleases.stack,
  },
} as const satisfies AddonWorkload;

/** Grafana with its dashboard and datasource sidecars, the chart's dependency. */
export const grafanaPods = {
  name: 'grafana',
  podLabels: {
    'app.kubernetes.io/name': 'grafana',
    'app.kubernetes.io/instance': monitoringReleases.stack,
  },
} as const satisfies AddonWorkload;

/** The OpenTelemetry Collector in deployment mode (its chart's `component: standalone-collector`). */
export const collectorPods = {
  name: 'otel-collector',
  podLabels: {
    'app.kubernetes.io/name': 'opentelemetry-collector',
    'app.kubernetes.io/instance': monitoringReleases.collector,
    component: 'standalone-collector',
  },
} as const satisfies AddonWorkload;

/** Tempo, single binary (a StatefulSet). */
export const tempoPods = {
  name: 'tempo',
  podLabels: {
    'app.kubernetes.io/name': 'tempo',
    'app.kubernetes.io/instance': monitoringReleases.tempo,
  },
} as const satisfies AddonWorkload;

/** The ports the monitoring pods serve, each stated once for values and policies. */
export const monitoringPorts = {
  /** Prometheus's web port: queries and its own metrics. */
  prometheus: 9090,
  /** Every operator-made pod's config-reloader metrics. */
  configReloader: 8080,
  alertmanager: 9093,
  /** Alertmanager's gossip between replicas, TCP and UDP. */
  alertmanagerCluster: 9094,
  /** The operator's web port with its admission webhook off (`tls.enabled: false`). */
  operator: 8080,
  kubeStateMetrics: 8080,
  grafana: 3000,
  /** Tempo's HTTP API, which Grafana queries. */
  tempoHttp: 3200,
  /** Tempo's OTLP gRPC receiver, which the collector exports to. */
  tempoOtlpGrpc: 4317,
  /** The kubelet's port on each node: cAdvisor's container metrics. */
  kubelet: 10250,
} as const;
