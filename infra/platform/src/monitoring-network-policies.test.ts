import { describe, expect, it } from 'vitest';
import { monitoringNetworkAccess } from './monitoring-network-policies.ts';
import {
  collectorPods,
  grafanaPods,
  kubeStateMetricsPods,
  prometheusOperatorPods,
  prometheusPods,
  tempoPods,
} from './monitoring-pods.ts';

/** A policy spec as these specs are written: plain values, no Outputs. */
interface PlainRule {
  readonly to?: unknown[];
  readonly from?: unknown[];
  readonly ports?: unknown[];
}
interface PlainSpec {
  readonly ingress?: PlainRule[];
  readonly egress?: PlainRule[];
}

const access = monitoringNetworkAccess(['slipway-dev', 'slipway-staging']);
const spec = (name: string) =>
  access.policies.find((policy) => policy.name === name)?.spec as PlainSpec | undefined;
const environments = ['slipway-dev', 'slipway-staging'].map((name) => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
}));
const pods = (workload: { podLabels: Readonly<Record<string, string>> }) => ({
  podSelector: { matchLabels: workload.podLabels },
});
const tcp = (...ports: (number | string)[]) => ports.map((port) => ({ port, protocol: 'TCP' }));

describe('monitoringNetworkAccess', () => {
  it('admits the environment namespaces to the collector on OTLP gRPC and HTTP alone', () => {
    expect(spec('otel-collector-ingress')).toEqual({
      podSelector: { matchLabels: collectorPods.podLabels },
      policyTypes: ['Ingress'],
      ingress: [{ from: environments, ports: tcp(4317, 4318) }],
    });
  });

  it('lets the collector out to Tempo on OTLP gRPC, nowhere else', () => {
    expect(spec('otel-collector-egress')?.egress).toEqual([
      { to: [pods(tempoPods)], ports: tcp(4317) },
    ]);
  });

  it("lets Prometheus scrape the environment namespaces on the named metrics port, never the services' public one", () => {
    const egress = spec('prometheus-egress')?.egress ?? [];
    expect(egress[0]).toEqual({ to: environments, ports: tcp('metrics') });
    const toEnvironments = egress.filter((rule) =>
      JSON.stringify(rule.to).includes('kubernetes.io/metadata.name'),
    );
    expect(toEnvironments).toHaveLength(1);
  });

  it('lets Prometheus reach kube-state-metrics and the kubelets, and only on their ports', () => {
    const egress = spec('prometheus-egress')?.egress ?? [];
    expect(egress).toContainEqual({ to: [pods(kubeStateMetricsPods)], ports: tcp(8080) });
    expect(egress).toContainEqual({
      to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.0.0/16'] } }],
      ports: tcp(10250),
    });
  });

  it('admits to Tempo only the collector (OTLP) and Grafana (its query API)', () => {
    expect(spec('tempo-ingress')?.ingress).toEqual([
      { from: [pods(collectorPods)], ports: tcp(4317) },
      { from: [pods(grafanaPods)], ports: tcp(3200) },
    ]);
  });

  it('lets Grafana query Prometheus, Tempo and Alertmanager, nothing else', () => {
    expect(spec('grafana-egress')?.egress?.map((rule) => rule.ports)).toEqual([
      tcp(9090),
      tcp(3200),
      tcp(9093),
    ]);
  });

  it("lets Alertmanager out to its receivers on 443 alone, besides its replicas' gossip", () => {
    expect(JSON.stringify(spec('alertmanager-egress'))).toContain('"cidr":"0.0.0.0/0"');
    expect(spec('alertmanager-egress')?.egress?.[1]?.ports).toEqual(tcp(443));
  });

  it('opens the API server to the operator, Prometheus, kube-state-metrics and Grafana alone', () => {
    expect(access.apiServerClients).toEqual([
      prometheusPods,
      prometheusOperatorPods,
      kubeStateMetricsPods,
      grafanaPods,
    ]);
  });

  it('admits nothing from outside the namespace but the environments to the collector', () => {
    const outsiders = access.policies.flatMap((policy) =>
      ((policy.spec as PlainSpec).ingress ?? []).flatMap((rule) =>
        (rule.from ?? []).filter((peer) => JSON.stringify(peer).includes('namespaceSelector')),
      ),
    );
    expect(outsiders).toEqual(environments);
  });
});
