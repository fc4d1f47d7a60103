import { productNames } from './product-names.ts';
import { metricsEndpoint } from './service-runtime.ts';

/**
 * Where services send their traces and logs, and how the platform's monitoring finds what the
 * services program generates. The service kit exports to the standard OpenTelemetry variables;
 * the dev runner points them at its local collector, the cluster at the platform's collector.
 * Tracing is on exactly when the endpoint variable is set: tests set nothing, so it is off there.
 * @example `http://${telemetry.collector.service}.${telemetry.namespace}.svc.cluster.local:${telemetry.collector.otlpHttpPort}`
 */
export const telemetry = {
  /** The namespace of the collector, Prometheus and Grafana: the metrics scraper's. */
  namespace: metricsEndpoint.scraperNamespace,
  /** The OpenTelemetry collector's Service, receiving OTLP over HTTP (4318) and gRPC (4317). */
  collector: { service: 'otel-collector', otlpHttpPort: 4318, otlpGrpcPort: 4317 },
  /** The standard OpenTelemetry variables the kit reads. */
  variables: {
    endpoint: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    serviceName: 'OTEL_SERVICE_NAME',
    resourceAttributes: 'OTEL_RESOURCE_ATTRIBUTES',
  },
  /** The label on a ConfigMap holding a Grafana dashboard, which Grafana's sidecar loads. */
  dashboardLabel: { grafana_dashboard: '1' },
  /** The label on a PrometheusRule (and pod monitor) that the platform's Prometheus selects. */
  ruleLabel: { 'app.kubernetes.io/part-of': productNames.partOf },
} as const;
