import { describe, expect, it } from 'vitest';
import { telemetry } from '@slipway/platform-contract';
import { kubePrometheusStackValues, tempoDatasource } from '../src/kube-prometheus-stack-values.ts';
import { collectorPods, tempoPods } from '../src/monitoring-pods.ts';
import { otelCollectorValues } from '../src/otel-collector-values.ts';
import { tempoValues } from '../src/tempo-values.ts';

const stack = kubePrometheusStackValues({ retention: '15d', storageSize: '50Gi' }) as {
  prometheus: { prometheusSpec: Record<string, unknown> };
  grafana: Record<string, unknown>;
  defaultRules: { labels: Record<string, string> };
  [key: string]: unknown;
};
const collector = otelCollectorValues() as {
  config: { service: { pipelines: Record<string, { exporters: string[] } | null> } };
  [key: string]: unknown;
};

describe('kubePrometheusStackValues', () => {
  it('selects PrometheusRules and PodMonitors by the contract label in every namespace', () => {
    const selector = { matchLabels: telemetry.ruleLabel };
    expect(stack.prometheus.prometheusSpec).toMatchObject({
      ruleSelectorNilUsesHelmValues: false,
      ruleSelector: selector,
      ruleNamespaceSelector: {},
      podMonitorSelectorNilUsesHelmValues: false,
      podMonitorSelector: selector,
      podMonitorNamespaceSelector: {},
    });
    // The chart's own rules carry it too, or the selector would drop them.
    expect(stack.defaultRules.labels).toEqual(telemetry.ruleLabel);
  });

  it("loads dashboards from ConfigMaps with the contract's label, in every namespace", () => {
    expect(stack.grafana).toMatchObject({
      sidecar: {
        dashboards: {
          enabled: true,
          label: 'grafana_dashboard',
          labelValue: '1',
          searchNamespace: 'ALL',
        },
      },
    });
  });

  it('turns off Grafana usage reporting and update checks, and its well-known default password', () => {
    expect(stack.grafana['grafana.ini']).toMatchObject({
      analytics: { reporting_enabled: false, check_for_updates: false },
    });
    expect(stack.grafana.adminPassword).toBe('');
  });

  it('gives Grafana Tempo as a datasource at the Service the tempo release creates', () => {
    expect(stack.grafana.additionalDataSources).toEqual([tempoDatasource]);
    expect(tempoDatasource.url).toBe('http://tempo.monitoring.svc:3200');
  });

  it('leaves out what breaks the restricted profile or a managed control plane hides', () => {
    expect(stack).toMatchObject({
      nodeExporter: { enabled: false },
      kubeEtcd: { enabled: false },
      kubeControllerManager: { enabled: false },
      kubeScheduler: { enabled: false },
      kubeProxy: { enabled: false },
      prometheusOperator: { admissionWebhooks: { enabled: false }, tls: { enabled: false } },
      grafana: { initChownData: { enabled: false } },
    });
  });

  it('keeps samples on a volume for the retention given, and runs two Alertmanagers behind a PDB', () => {
    expect(stack.prometheus.prometheusSpec).toMatchObject({
      retention: '15d',
      storageSpec: {
        volumeClaimTemplate: { spec: { resources: { requests: { storage: '50Gi' } } } },
      },
    });
    expect(stack).toMatchObject({
      alertmanager: {
        alertmanagerSpec: { replicas: 2 },
        podDisruptionBudget: { enabled: true, minAvailable: 1 },
      },
    });
  });
});

describe('otelCollectorValues', () => {
  it("names the Service as the contract does and serves OTLP on the contract's ports alone", () => {
    expect(collector.fullnameOverride).toBe(telemetry.collector.service);
    const ports = collector.ports as Record<string, { enabled: boolean; containerPort?: number }>;
    const open = Object.entries(ports).filter(([, port]) => port.enabled);
    expect(open.map(([name, port]) => [name, port.containerPort])).toEqual([
      ['otlp', telemetry.collector.otlpGrpcPort],
      ['otlp-http', telemetry.collector.otlpHttpPort],
    ]);
  });

  it('sends traces to Tempo and keeps metrics out of the collector (Prometheus scrapes them)', () => {
    expect(collector.config.service.pipelines.traces?.exporters).toEqual(['otlp/tempo']);
    expect(collector.config.service.pipelines.metrics).toBeNull();
    expect(JSON.stringify(collector.config)).toContain('tempo.monitoring.svc:4317');
  });

  it('runs two replicas behind a PodDisruptionBudget, spread over zones', () => {
    expect(collector).toMatchObject({
      mode: 'deployment',
      replicaCount: 2,
      podDisruptionBudget: { enabled: true, minAvailable: 1 },
      topologySpreadConstraints: [{ labelSelector: { matchLabels: collectorPods.podLabels } }],
    });
  });

  it('runs as the restricted profile requires', () => {
    expect(collector).toMatchObject({
      podSecurityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      securityContext: {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      },
    });
  });
});

describe('tempoValues', () => {
  const tempo = tempoValues({ retention: '168h', storageSize: '10Gi' });

  it('keeps traces on a volume for the retention given and reports no usage', () => {
    expect(tempo).toMatchObject({
      tempo: { reportingEnabled: false, retention: '168h' },
      persistence: { enabled: true, size: '10Gi' },
    });
  });

  it('receives OTLP over gRPC alone (no Jaeger receivers)', () => {
    expect(tempo).toMatchObject({
      tempo: { receivers: { otlp: { protocols: { grpc: { endpoint: '0.0.0.0:4317' } } } } },
    });
    // null removes the chart's default Jaeger receivers when Helm merges the values.
    expect(tempo).toMatchObject({ tempo: { receivers: { jaeger: null } } });
  });

  it('runs as the restricted profile requires, without a service account token', () => {
    expect(tempo).toMatchObject({
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      tempo: { securityContext: { readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } } },
      serviceAccount: { automountServiceAccountToken: false },
    });
    expect(tempoPods.podLabels['app.kubernetes.io/instance']).toBe('tempo');
  });
});
