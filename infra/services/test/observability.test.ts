import { describe, expect, it } from 'vitest';
import {
  certificateAlertRules,
  dashboardConfigMap,
  serviceAlertRules,
} from '@slipway/infra-observability';
import { validateCustomResource } from '@slipway/infra-policy';
import { telemetry } from '@slipway/platform-contract';
import {
  fixtureMonitoring,
  fixturePlatformOutputs,
} from '../src/render/fixture-platform-outputs.ts';
import { allowsConnection, type PodEndpoint } from '../src/render/network-reachability.ts';
import {
  configFor,
  exampleManifests,
  find,
  type Loose,
  manifest,
  renderObjects,
} from './fixtures.ts';

const manifests = exampleManifests();
const prodConfig = configFor(manifests, {}, 'prod');
const prod = await renderObjects(manifests, prodConfig);
const withoutMonitoring = await renderObjects(
  manifests,
  prodConfig,
  fixturePlatformOutputs({ [prodConfig.namespace]: 'example.com' }, { monitoring: false }),
);

const collector: PodEndpoint = {
  namespace: fixtureMonitoring().namespace,
  labels: fixtureMonitoring().collectorPodLabels,
};
const podOf = (objects: readonly object[], name: string): PodEndpoint => {
  const deployment = find(objects as never, 'Deployment', name);
  return {
    namespace: deployment.metadata.namespace,
    labels: deployment.spec.template.metadata.labels,
  };
};

describe('with the platform monitoring on, each service', () => {
  it.each(manifests.map((m) => [m.name, m] as const))(
    '%s gets a PrometheusRule of its own alert rules, in its namespace, labelled for Prometheus',
    (name, m) => {
      const rule = find(prod, 'PrometheusRule', `${name}-alerts`);
      expect(rule.apiVersion).toBe('monitoring.coreos.com/v1');
      expect(rule.metadata.namespace).toBe('slipway-prod');
      expect(rule.metadata.labels).toMatchObject({
        ...find(prod, 'Deployment', name).metadata.labels,
        ...telemetry.ruleLabel,
      });
      expect(rule.spec).toEqual(serviceAlertRules(m, 'prod'));
    },
  );

  it.each(manifests.map((m) => [m.name, m] as const))(
    '%s gets its dashboard as a ConfigMap Grafana loads',
    (name, m) => {
      const dashboard = find(prod, 'ConfigMap', `${name}-dashboard`);
      expect(dashboard.metadata.namespace).toBe('slipway-prod');
      expect(dashboard.metadata.labels).toMatchObject({
        'app.kubernetes.io/name': name,
        ...telemetry.dashboardLabel,
      });
      expect(dashboard.data).toEqual(dashboardConfigMap(m, 'prod').data);
    },
  );

  it('exports its traces to the collector, named and versioned, and may reach it on OTLP/HTTP alone', () => {
    for (const { name } of manifests) {
      const data = find(prod, 'ConfigMap', name).data;
      expect(data[telemetry.variables.endpoint]).toBe(
        'http://otel-collector.monitoring.svc.cluster.local:4318',
      );
      expect(data[telemetry.variables.serviceName]).toBe(name);
      expect(data[telemetry.variables.resourceAttributes]).toBe(
        'deployment.environment.name=prod,service.version=1.4.2',
      );
      const pod = podOf(prod, name);
      const check = { checkIngress: false };
      expect(allowsConnection(prod, pod, collector, 4318, check)).toBe(true);
      expect(allowsConnection(prod, pod, collector, 4317, check)).toBe(false);
      // Only the collector: no other pod of the monitoring namespace, no collector elsewhere.
      const grafana = { ...collector, labels: { 'app.kubernetes.io/name': 'grafana' } };
      expect(allowsConnection(prod, pod, grafana, 4318, check)).toBe(false);
      const elsewhere = { ...collector, namespace: 'slipway-prod' };
      expect(allowsConnection(prod, pod, elsewhere, 4318, check)).toBe(false);
    }
  });

  it('reports the version of a digest-pinned image as its digest prefix, as its labels do', async () => {
    const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;
    const ledger = manifest('ledger');
    const objects = await renderObjects(
      [ledger],
      configFor([ledger], { images: { ledger: `ghcr.io/acme/ledger@${digest}` } }),
    );
    expect(find(objects, 'ConfigMap', 'ledger').data[telemetry.variables.resourceAttributes]).toBe(
      'deployment.environment.name=dev,service.version=0123456789ab',
    );
  });
});

describe('with the platform monitoring on, the environment', () => {
  it('gets the certificate alerts once, in its namespace, with the standard labels', () => {
    const rules = prod.filter((o) => o.kind === 'PrometheusRule');
    expect(rules).toHaveLength(manifests.length + 1);
    const certificates: Loose = find(prod, 'PrometheusRule', 'certificate-alerts');
    expect(certificates.metadata.namespace).toBe('slipway-prod');
    expect(certificates.metadata.labels).toMatchObject({
      'app.kubernetes.io/name': 'certificate-alerts',
      'app.kubernetes.io/instance': 'certificate-alerts-prod',
      ...telemetry.ruleLabel,
    });
    expect(certificates.spec).toEqual({ groups: [certificateAlertRules('prod')] });
  });

  it('has every PrometheusRule valid against the stored prometheus-operator CRD schema', () => {
    for (const rule of prod.filter((o) => o.kind === 'PrometheusRule')) {
      expect(validateCustomResource(rule), rule.metadata.name).toEqual([]);
    }
  });
});

describe('with the platform monitoring off', () => {
  it('creates no PrometheusRule and no dashboard, whose kinds the cluster lacks', () => {
    expect(withoutMonitoring.some((o) => o.kind === 'PrometheusRule')).toBe(false);
    expect(withoutMonitoring.some((o) => o.metadata.name.endsWith('-dashboard'))).toBe(false);
  });

  it('sets no OpenTelemetry variable, so tracing stays off, and opens nothing to the monitoring namespace', () => {
    for (const { name } of manifests) {
      const data = find(withoutMonitoring, 'ConfigMap', name).data;
      for (const variable of Object.values(telemetry.variables))
        expect(data, variable).not.toHaveProperty(variable);
      const pod = podOf(withoutMonitoring, name);
      expect(
        allowsConnection(withoutMonitoring, pod, collector, 4318, { checkIngress: false }),
      ).toBe(false);
    }
  });
});
