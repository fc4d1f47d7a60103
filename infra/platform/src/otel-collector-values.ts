import { telemetry } from '@slipway/platform-contract';
import { collectorPods, monitoringPorts, monitoringReleases } from './monitoring-pods.ts';
import { restrictedContainerSecurityContext, zoneSpread } from './restricted-security.ts';

/** The uid the collector's image runs as. */
const collectorUid = 10001;
const otlpPorts = telemetry.collector;
const pipeline = (exporter: string) => ({
  receivers: ['otlp'],
  processors: ['memory_limiter', 'batch'],
  exporters: [exporter],
});

/**
 * The collector's pipelines: OTLP in over gRPC and HTTP on the contract's ports; traces out to
 * Tempo; logs accepted and summarised on the collector's own output (the services' JSON log
 * lines, with `trace_id`, reach the cloud's log store from stdout). Metrics take no detour
 * through the collector: Prometheus scrapes each pod's metrics port. The chart's default Jaeger,
 * Zipkin and self-scrape receivers are dropped, and so are their ports.
 */
const collectorConfig = {
  receivers: {
    otlp: {
      protocols: {
        grpc: { endpoint: `\${env:MY_POD_IP}:${otlpPorts.otlpGrpcPort}` },
        http: { endpoint: `\${env:MY_POD_IP}:${otlpPorts.otlpHttpPort}` },
      },
    },
    jaeger: null,
    zipkin: null,
    prometheus: null,
  },
  processors: {
    batch: {},
    memory_limiter: { check_interval: '1s', limit_percentage: 80, spike_limit_percentage: 25 },
  },
  exporters: {
    'otlp/tempo': {
      endpoint: `${monitoringReleases.tempo}.${telemetry.namespace}.svc:${monitoringPorts.tempoOtlpGrpc}`,
      // Inside the namespace, behind its NetworkPolicies; Tempo's receiver serves no TLS.
      tls: { insecure: true },
    },
    debug: { verbosity: 'basic' },
  },
  service: {
    pipelines: { traces: pipeline('otlp/tempo'), logs: pipeline('debug'), metrics: null },
  },
};

/**
 * Helm values for the OpenTelemetry Collector chart: a Deployment of two replicas behind the
 * `otel-collector` Service (the contract's name), spread over zones, with a PodDisruptionBudget,
 * the restricted profile's security contexts and {@link collectorConfig}'s pipelines.
 *
 * @example
 * new k8s.helm.v3.Release('otel-collector', { ...helmChartArgs(openTelemetryCollectorChart), values: otelCollectorValues() });
 */
export function otelCollectorValues(): Record<string, unknown> {
  return {
    mode: 'deployment',
    fullnameOverride: otlpPorts.service,
    image: { repository: 'otel/opentelemetry-collector-k8s' },
    command: { name: 'otelcol-k8s' },
    replicaCount: 2,
    podDisruptionBudget: { enabled: true, minAvailable: 1 },
    topologySpreadConstraints: [zoneSpread(collectorPods.podLabels)],
    config: collectorConfig,
    ports: {
      otlp: {
        enabled: true,
        containerPort: otlpPorts.otlpGrpcPort,
        servicePort: otlpPorts.otlpGrpcPort,
      },
      'otlp-http': {
        enabled: true,
        containerPort: otlpPorts.otlpHttpPort,
        servicePort: otlpPorts.otlpHttpPort,
      },
      'jaeger-compact': { enabled: false },
      'jaeger-thrift': { enabled: false },
      'jaeger-grpc': { enabled: false },
      zipkin: { enabled: false },
      metrics: { enabled: false },
    },
    // GOMEMLIMIT from the memory limit, so the collector sheds load before the kernel kills it.
    useGOMEMLIMIT: true,
    resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
    podSecurityContext: {
      runAsNonRoot: true,
      runAsUser: collectorUid,
      runAsGroup: collectorUid,
      fsGroup: collectorUid,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    securityContext: restrictedContainerSecurityContext,
  };
}
