import { describe, expect, it } from 'vitest';
import { fixtureGateway } from '../src/render/fixture-platform-outputs.ts';
import { allowsConnection, type PodEndpoint } from '../src/render/network-reachability.ts';
import type { RenderedObject } from '../src/render/render-services.ts';
import { exampleManifests, find, manifest, renderObjects } from './fixtures.ts';

const examples = await renderObjects(exampleManifests());

function podOf(objects: readonly RenderedObject[], name: string): PodEndpoint {
  const deployment = find(objects, 'Deployment', name);
  return {
    namespace: deployment.metadata.namespace,
    labels: deployment.spec.template.metadata.labels,
    ports: deployment.spec.template.spec.containers[0].ports.map(
      (p: { name: string; containerPort: number }) => ({
        name: p.name,
        port: p.containerPort,
      }),
    ),
  };
}

const dns: PodEndpoint = { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } };
const { dataPlane } = fixtureGateway('slipway-dev', 'dev.example.com');
const gatewayProxy: PodEndpoint = { namespace: dataPlane.namespace, labels: dataPlane.podLabels };
const prometheus: PodEndpoint = {
  namespace: 'monitoring',
  labels: { 'app.kubernetes.io/name': 'prometheus' },
};
const stranger: PodEndpoint = {
  namespace: 'slipway-dev',
  labels: { 'app.kubernetes.io/name': 'debug-shell' },
};

describe('network policies', () => {
  it('give a service that declares no callers and is not public no ingress but the scrapes', async () => {
    const objects = await renderObjects([manifest('ledger')]);
    expect(find(objects, 'NetworkPolicy', 'ledger-ingress').spec.ingress).toEqual([
      {
        from: [
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } },
        ],
        ports: [{ port: 'metrics', protocol: 'TCP' }],
      },
    ]);
    expect(find(objects, 'NetworkPolicy', 'ledger-ingress').spec.policyTypes).toEqual(['Ingress']);
    expect(
      allowsConnection(
        objects,
        stranger,
        podOf(objects, 'ledger'),
        podOf(objects, 'ledger').ports?.[0]?.port ?? 0,
        { checkEgress: false },
      ),
    ).toBe(false);
  });

  it('let gateway reach orders on its port', () => {
    expect(
      allowsConnection(examples, podOf(examples, 'gateway'), podOf(examples, 'orders'), 3001),
    ).toBe(true);
  });

  it('do not let orders reach gateway', () => {
    expect(
      allowsConnection(examples, podOf(examples, 'orders'), podOf(examples, 'gateway'), 3000),
    ).toBe(false);
  });

  it('do not let gateway reach orders on another port', () => {
    expect(
      allowsConnection(examples, podOf(examples, 'gateway'), podOf(examples, 'orders'), 9090),
    ).toBe(false);
  });

  it('allow DNS to kube-dns in kube-system on 53 over UDP and TCP, for every service', () => {
    for (const name of ['orders', 'gateway']) {
      for (const protocol of ['UDP', 'TCP'] as const) {
        expect(
          allowsConnection(examples, podOf(examples, name), dns, 53, {
            protocol,
            checkIngress: false,
          }),
        ).toBe(true);
      }
      expect(
        allowsConnection(examples, podOf(examples, name), { ...dns, namespace: 'default' }, 53, {
          protocol: 'UDP',
          checkIngress: false,
        }),
      ).toBe(false);
    }
  });

  it('deny a call the manifests do not declare, in both directions', async () => {
    const objects = await renderObjects([
      manifest('a', { calls: ['b'] }),
      manifest('b', { calledBy: ['a'] }),
      manifest('c'),
    ]);
    const port = (name: string) => podOf(objects, name).ports?.[0]?.port ?? 0;
    expect(allowsConnection(objects, podOf(objects, 'a'), podOf(objects, 'b'), port('b'))).toBe(
      true,
    );
    expect(allowsConnection(objects, podOf(objects, 'a'), podOf(objects, 'c'), port('c'))).toBe(
      false,
    );
    expect(allowsConnection(objects, podOf(objects, 'c'), podOf(objects, 'b'), port('b'))).toBe(
      false,
    );
    expect(allowsConnection(objects, podOf(objects, 'b'), podOf(objects, 'a'), port('a'))).toBe(
      false,
    );
  });

  it("let the gateway's proxies reach public services only", () => {
    expect(
      allowsConnection(examples, gatewayProxy, podOf(examples, 'gateway'), 3000, {
        checkEgress: false,
      }),
    ).toBe(true);
    expect(
      allowsConnection(examples, gatewayProxy, podOf(examples, 'orders'), 3001, {
        checkEgress: false,
      }),
    ).toBe(false);
  });

  it("let the gateway's proxies and the callers reach the API port only, never the metrics port", () => {
    const gateway = podOf(examples, 'gateway');
    const orders = podOf(examples, 'orders');
    const metricsPort = (pod: PodEndpoint) => pod.ports?.find((p) => p.name === 'metrics')?.port;
    expect(metricsPort(gateway)).toBe(9464);
    expect(allowsConnection(examples, gatewayProxy, gateway, 9464, { checkEgress: false })).toBe(
      false,
    );
    expect(allowsConnection(examples, gateway, orders, 9464, { checkEgress: false })).toBe(false);
  });

  it('let the scraper in the monitoring namespace reach the metrics port only', () => {
    for (const name of ['gateway', 'orders']) {
      const pod = podOf(examples, name);
      const api = pod.ports?.find((p) => p.name === 'http')?.port ?? 0;
      expect(allowsConnection(examples, prometheus, pod, 9464, { checkEgress: false })).toBe(true);
      expect(allowsConnection(examples, prometheus, pod, api, { checkEgress: false })).toBe(false);
      expect(allowsConnection(examples, stranger, pod, 9464, { checkEgress: false })).toBe(false);
    }
  });

  it("admit no other pod of the gateway's namespace, and no proxy of another namespace's gateway", () => {
    const gateway = podOf(examples, 'gateway');
    const neighbour: PodEndpoint = { ...gatewayProxy, labels: { app: 'debug-shell' } };
    const otherGateway: PodEndpoint = {
      namespace: dataPlane.namespace,
      labels: fixtureGateway('slipway-prod', 'example.com').dataPlane.podLabels,
    };
    for (const peer of [neighbour, otherGateway, { ...gatewayProxy, namespace: 'slipway-dev' }]) {
      expect(allowsConnection(examples, peer, gateway, 3000, { checkEgress: false })).toBe(false);
    }
  });

  it("allow the manifest's egress CIDRs on their ports and nothing else outside the cluster", () => {
    const orders = podOf(examples, 'orders');
    expect(allowsConnection(examples, orders, { ip: '10.0.20.40' }, 5432)).toBe(true);
    expect(allowsConnection(examples, orders, { ip: '10.0.20.40' }, 22)).toBe(false);
    // Only the database subnet: the rest of the VPC is as closed as the internet.
    expect(allowsConnection(examples, orders, { ip: '10.0.21.40' }, 5432)).toBe(false);
    expect(allowsConnection(examples, orders, { ip: '203.0.113.7' }, 5432)).toBe(false);
    expect(allowsConnection(examples, podOf(examples, 'gateway'), { ip: '10.0.20.40' }, 5432)).toBe(
      false,
    );
  });

  it('select the pods of their own service only', () => {
    const orders = find(examples, 'NetworkPolicy', 'orders-egress');
    expect(orders.spec.podSelector.matchLabels).toEqual(
      find(examples, 'Deployment', 'orders').spec.selector.matchLabels,
    );
  });
});
