import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { matchesSelector } from '@slipway/infra-policy';
import { telemetry } from '@slipway/platform-contract';
import { chartPods } from '../src/render/chart-pods.ts';
import { type RenderedPlatform, renderPlatform } from '../src/render/index.ts';
import {
  kubePrometheusStackChart,
  openTelemetryCollectorChart,
  tempoChart,
} from '../src/versions.ts';

const devConfig = (
  parse(readFileSync(new URL('../Pulumi.dev.yaml', import.meta.url), 'utf8')) as {
    config: Record<string, unknown>;
  }
).config;

describe('renderPlatform for the dev stack: the monitoring stack', () => {
  let rendered: RenderedPlatform;

  beforeAll(async () => {
    rendered = await renderPlatform('dev', devConfig);
  });

  it('installs Tempo, kube-prometheus-stack and the collector at their pinned versions', () => {
    const releases = rendered.releases
      .filter((release) => release.namespace === telemetry.namespace)
      .map(({ name, chart, version, repository }) => ({ name, chart, version, repository }));
    expect(releases).toEqual(
      [
        ['tempo', tempoChart],
        ['kube-prometheus-stack', kubePrometheusStackChart],
        [telemetry.collector.service, openTelemetryCollectorChart],
      ].map(([name, chart]) => {
        const pinned = chart as typeof tempoChart;
        return { name, chart: pinned.chart, version: pinned.version, repository: pinned.repo };
      }),
    );
  });

  it("renders a PodMonitor in the environment namespace on the services' metrics port, which Prometheus selects", () => {
    expect(rendered.objects.filter((object) => object.kind === 'PodMonitor')).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({
          namespace: 'slipway-dev',
          labels: expect.objectContaining(telemetry.ruleLabel),
        }),
        spec: expect.objectContaining({
          podMetricsEndpoints: [expect.objectContaining({ port: 'metrics' })],
        }),
      }),
    ]);
    const stack = rendered.releases.find((release) => release.name === 'kube-prometheus-stack');
    expect(stack?.values).toMatchObject({
      prometheus: { prometheusSpec: { podMonitorSelector: { matchLabels: telemetry.ruleLabel } } },
    });
  });

  it("exports the collector's namespace and pod labels, the pods the chart creates", () => {
    const labels = rendered.outputs.monitoring?.collectorPodLabels ?? {};
    expect(rendered.outputs.monitoring?.namespace).toBe(telemetry.namespace);
    expect(chartPods.monitoring?.some((pod) => matchesSelector({ matchLabels: labels }, pod))).toBe(
      true,
    );
    expect(labels).toMatchObject({ 'app.kubernetes.io/instance': telemetry.collector.service });
  });

  it('admits only the environment namespace from outside monitoring, to the collector', () => {
    const policies = rendered.objects.filter(
      (object) => object.kind === 'NetworkPolicy' && object.metadata.namespace === 'monitoring',
    );
    const fromOutside = policies.filter((policy) =>
      JSON.stringify((policy.spec as { ingress?: unknown }).ingress ?? []).includes(
        'namespaceSelector',
      ),
    );
    expect(fromOutside.map((policy) => policy.metadata.name)).toEqual(['otel-collector-ingress']);
    expect(JSON.stringify(fromOutside[0])).toContain('"kubernetes.io/metadata.name":"slipway-dev"');
  });
});
