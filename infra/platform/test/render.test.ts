import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  checkObjectSet,
  formatViolations,
  type LabelSelectorLike,
  matchesSelector,
  validateKubernetesObject,
} from '@slipway/infra-policy';
import { kubernetesObjects } from '@slipway/infra-testing';
import { platformOutputNames } from '../src/platform-outputs.ts';
import { addonNamespaces, chartPods, chartPodsOutsideTheRender } from '../src/render/chart-pods.ts';
import { type RenderedPlatform, renderPlatform } from '../src/render/index.ts';
import { recordPlatform } from '../src/render/record-platform.ts';
import {
  certManagerChart,
  envoyGatewayChart,
  envoyGatewayCrdsChart,
  type HelmChart,
  policyControllerChart,
  veleroChart,
} from '../src/versions.ts';

const stackConfig = (stack: string) =>
  (
    parse(readFileSync(new URL(`../Pulumi.${stack}.yaml`, import.meta.url), 'utf8')) as {
      config: Record<string, unknown>;
    }
  ).config;
const devConfig = stackConfig('dev');

const ofKind = (rendered: RenderedPlatform, kind: string) =>
  rendered.objects.filter((object) => object.kind === kind);
const policiesIn = (rendered: RenderedPlatform, namespace: string) =>
  ofKind(rendered, 'NetworkPolicy').filter((policy) => policy.metadata.namespace === namespace);

/** The parts of a rendered NetworkPolicy's spec the selector checks read. */
interface PeerLike {
  readonly podSelector?: LabelSelectorLike;
  readonly namespaceSelector?: LabelSelectorLike;
}
interface NetworkPolicySpecLike {
  readonly podSelector: LabelSelectorLike;
  readonly ingress?: readonly { readonly from?: readonly PeerLike[] }[];
  readonly egress?: readonly { readonly to?: readonly PeerLike[] }[];
}

describe('renderPlatform for the dev stack', () => {
  let rendered: RenderedPlatform;

  beforeAll(async () => {
    rendered = await renderPlatform('dev', devConfig);
  });

  it('renders its objects through the one masking the tests read objects with', async () => {
    const { resources } = await recordPlatform('dev', devConfig);
    expect(rendered.objects).toEqual(kubernetesObjects(resources));
  });

  it("renders the dev environment's Gateway on *.<domain> with TLS from cert-manager", () => {
    const [gateway] = ofKind(rendered, 'Gateway');
    expect(gateway).toMatchObject({
      apiVersion: 'gateway.networking.k8s.io/v1',
      metadata: {
        name: 'public',
        namespace: 'slipway-dev',
        annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
      },
      spec: {
        gatewayClassName: 'envoy-gateway',
        listeners: [{ name: 'https', hostname: '*.dev.slipway.example.com' }, { name: 'http' }],
      },
    });
  });

  it('renders the HTTP to HTTPS redirect route', () => {
    expect(ofKind(rendered, 'HTTPRoute')).toEqual([
      expect.objectContaining({
        spec: expect.objectContaining({
          rules: [
            {
              filters: [
                { type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } },
              ],
            },
          ],
        }),
      }),
    ]);
  });

  it('renders environment and add-on namespaces with pinned restricted Pod Security labels', () => {
    const namespaces = ofKind(rendered, 'Namespace');
    // Sorted on both sides: where the environment's name sorts depends on the product name.
    expect(namespaces.map((ns) => ns.metadata.name).sort()).toEqual(
      [
        'cert-manager',
        'cosign-system',
        'envoy-gateway-system',
        'monitoring',
        'slipway-dev',
        'velero',
      ].sort(),
    );
    for (const namespace of namespaces) {
      expect(namespace.metadata).toMatchObject({
        labels: {
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'v1.35',
        },
      });
    }
  });

  it('renders a default-deny NetworkPolicy for the environment namespace', () => {
    expect(policiesIn(rendered, 'slipway-dev')).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({ name: 'default-deny-all', namespace: 'slipway-dev' }),
        spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
      }),
    ]);
  });

  it.each(addonNamespaces)(
    'renders default-deny, cluster DNS and the API server allows in add-on namespace %s',
    (namespace) => {
      const policies = policiesIn(rendered, namespace);
      const names = policies.map((policy) => policy.metadata.name);
      expect(names).toEqual(expect.arrayContaining(['default-deny-all', 'allow-cluster-dns']));
      const denyAll = policies.find((policy) => policy.metadata.name === 'default-deny-all');
      expect(denyAll?.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
      expect(names.some((name) => name.endsWith('-to-api-server'))).toBe(true);
      // The render's stand-in for the API server's address (record-platform.ts).
      expect(JSON.stringify(policies)).toContain('192.0.2.10/32');
    },
  );

  it.each(addonNamespaces)(
    'renders only policies in %s whose pods (and same-namespace peers) the pinned chart creates',
    (namespace) => {
      const pods = chartPods[namespace] ?? [];
      const selectsAPod = (selector: LabelSelectorLike) =>
        pods.some((labels) => matchesSelector(selector, labels));
      for (const policy of policiesIn(rendered, namespace)) {
        const spec = policy.spec as NetworkPolicySpecLike;
        expect(selectsAPod(spec.podSelector), policy.metadata.name).toBe(true);
        const peers = [
          ...(spec.ingress ?? []).flatMap((rule) => rule.from ?? []),
          ...(spec.egress ?? []).flatMap((rule) => rule.to ?? []),
        ].filter((peer) => peer.podSelector && !peer.namespaceSelector);
        for (const peer of peers) {
          expect(selectsAPod(peer.podSelector ?? {}), policy.metadata.name).toBe(true);
        }
      }
    },
  );

  it("passes the Slipway checks; add-on policies' selectors are checked against the charts' pods above", () => {
    const violations = checkObjectSet(rendered.objects, {
      podsOutsideTheSet: chartPodsOutsideTheRender,
    });
    expect(formatViolations(violations)).toBe('');
  });

  it('renders the edge PriorityClass and gives it to the proxies and the controller', () => {
    expect(ofKind(rendered, 'PriorityClass')).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({ name: 'slipway-edge' }),
        value: 1_000_000,
        preemptionPolicy: 'PreemptLowerPriority',
      }),
    ]);
    const [proxy] = ofKind(rendered, 'EnvoyProxy');
    expect(proxy).toMatchObject({
      spec: {
        provider: {
          kubernetes: { envoyDeployment: { pod: { priorityClassName: 'slipway-edge' } } },
        },
      },
    });
    const controller = rendered.releases.find((release) => release.name === 'envoy-gateway');
    expect(controller?.values).toMatchObject({ deployment: { priorityClassName: 'slipway-edge' } });
  });

  it("renders the proxies' Service with the cluster stack's load balancer class and annotations", () => {
    const [proxy] = ofKind(rendered, 'EnvoyProxy');
    expect(proxy).toMatchObject({
      spec: {
        provider: {
          kubernetes: {
            envoyService: {
              loadBalancerClass: 'eks.amazonaws.com/nlb',
              annotations: {
                'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
              },
            },
          },
        },
      },
    });
    expect(JSON.stringify(proxy)).not.toContain('aws-load-balancer-type');
  });

  it('renders no Ingress and mentions ingress-nginx nowhere', () => {
    expect(ofKind(rendered, 'Ingress')).toEqual([]);
    expect(ofKind(rendered, 'IngressClass')).toEqual([]);
    expect(JSON.stringify(rendered)).not.toMatch(/nginx/i);
  });

  it('renders only objects that validate against their schema', () => {
    const violations = rendered.objects.flatMap((object) => validateKubernetesObject(object));
    expect(formatViolations(violations)).toBe('');
  });

  it('lists the Helm releases with their pinned chart versions and repositories', () => {
    // The monitoring namespace's: render-monitoring.test.ts.
    const releases = rendered.releases
      .filter((release) => release.namespace !== 'monitoring')
      .map(({ name, namespace, chart, version, repository }) => ({
        name,
        namespace,
        chart,
        version,
        repository,
      }));
    const pinned = (name: string, namespace: string, chart: HelmChart) => ({
      name,
      namespace,
      chart: chart.chart,
      version: chart.version,
      repository: chart.repo,
    });
    expect(releases).toEqual([
      pinned('envoy-gateway-crds', 'envoy-gateway-system', envoyGatewayCrdsChart),
      pinned('envoy-gateway', 'envoy-gateway-system', envoyGatewayChart),
      pinned('cert-manager', 'cert-manager', certManagerChart),
      pinned('policy-controller', 'cosign-system', policyControllerChart),
      pinned('velero', 'velero', veleroChart),
    ]);
  });

  it('renders the stack outputs the services stack reads', () => {
    expect(Object.keys(rendered.outputs).sort()).toEqual(Object.values(platformOutputNames).sort());
    expect(rendered.outputs).toMatchObject({
      namespaces: ['slipway-dev'],
      clusterIssuer: 'letsencrypt',
      monitoring: { namespace: 'monitoring' },
      gateways: {
        'slipway-dev': {
          parentRef: { name: 'public', namespace: 'slipway-dev', sectionName: 'https' },
          dataPlane: { namespace: 'envoy-gateway-system' },
          controller: 'envoy-gateway',
        },
      },
    });
  });

  it("renders the HTTPS listener's ClientTrafficPolicy", () => {
    expect(ofKind(rendered, 'ClientTrafficPolicy')).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({ name: 'public-https', namespace: 'slipway-dev' }),
        spec: expect.objectContaining({ tls: { minVersion: '1.2' } }),
      }),
    ]);
  });
});
