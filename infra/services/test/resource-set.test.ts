import { describe, expect, it } from 'vitest';
import { configFor, exampleManifests, examplePair, manifest, record } from './fixtures.ts';

async function resourceSet(manifests: Parameters<typeof configFor>[0]) {
  const { resources } = await record(manifests, configFor(manifests));
  return resources.map((r) => `${r.type} ${r.name}`).sort();
}

/** Once per environment, with the platform's monitoring on (the fixture platform's default). */
const environmentWide = [
  'pulumi:providers:kubernetes kubernetes',
  'kubernetes:monitoring.coreos.com/v1:PrometheusRule certificate-alerts',
];

/** A public service's way in: its HTTPRoute and a traffic policy per route rule. */
const publicRoute = (name: string) => [
  `kubernetes:gateway.networking.k8s.io/v1:HTTPRoute ${name}-route`,
  `kubernetes:gateway.envoyproxy.io/v1alpha1:BackendTrafficPolicy ${name}-idempotent-traffic-policy`,
  `kubernetes:gateway.envoyproxy.io/v1alpha1:BackendTrafficPolicy ${name}-other-traffic-policy`,
];

const perService = (name: string, extra: string[] = []) => [
  `kubernetes:apps/v1:Deployment ${name}-deployment`,
  `kubernetes:autoscaling/v2:HorizontalPodAutoscaler ${name}-autoscaler`,
  `kubernetes:core/v1:ConfigMap ${name}-config`,
  `kubernetes:core/v1:ConfigMap ${name}-dashboard`,
  `kubernetes:monitoring.coreos.com/v1:PrometheusRule ${name}-alerts`,
  `kubernetes:core/v1:Service ${name}-service`,
  `kubernetes:core/v1:ServiceAccount ${name}-service-account`,
  `kubernetes:networking.k8s.io/v1:NetworkPolicy ${name}-egress-policy`,
  `kubernetes:networking.k8s.io/v1:NetworkPolicy ${name}-ingress-policy`,
  `kubernetes:policy/v1:PodDisruptionBudget ${name}-disruption-budget`,
  `slipway:services:Microservice ${name}`,
  ...extra,
];

describe('the set of resources per service', () => {
  it('deploys orders (internal, with a database) and gateway (public) with exactly their resources', async () => {
    expect(await resourceSet(examplePair())).toEqual(
      [
        ...environmentWide,
        ...perService('gateway', publicRoute('gateway')),
        ...perService('orders', ['kubernetes:core/v1:Secret orders-secrets']),
      ].sort(),
    );
  });

  it('deploys every service under apps/ with its own set, a Secret only with secrets or data services and an HTTPRoute only when public', async () => {
    const manifests = exampleManifests();
    expect(await resourceSet(manifests)).toEqual(
      [
        ...environmentWide,
        ...manifests.flatMap((m) =>
          perService(m.name, [
            ...(m.secrets.length > 0 || m.postgres || m.cache
              ? [`kubernetes:core/v1:Secret ${m.name}-secrets`]
              : []),
            ...(m.public ? publicRoute(m.name) : []),
          ]),
        ),
      ].sort(),
    );
  });

  it('gives an internal service without secrets no Secret and no HTTPRoute', async () => {
    expect(await resourceSet([manifest('ledger')])).toEqual(
      [...environmentWide, ...perService('ledger')].sort(),
    );
  });

  it('gives a public service with secrets both a Secret and an HTTPRoute', async () => {
    expect(
      await resourceSet([manifest('storefront', { public: true, secrets: ['API_TOKEN'] })]),
    ).toEqual(
      [
        ...environmentWide,
        ...perService('storefront', [
          'kubernetes:core/v1:Secret storefront-secrets',
          ...publicRoute('storefront'),
        ]),
      ].sort(),
    );
  });

  it('names every Kubernetes object after its service, in the stack namespace', async () => {
    const manifests = exampleManifests();
    const { resources } = await record(manifests, configFor(manifests));
    // Service names are DNS labels: nothing in them needs escaping in a pattern.
    const named = new RegExp(
      `^((${manifests.map((m) => m.name).join('|')})(-ingress|-egress|-dashboard|-alerts|-idempotent|-other)?|certificate-alerts)$`,
    );
    const objects = resources.filter((r) => r.type.startsWith('kubernetes:'));
    expect(objects.length).toBeGreaterThanOrEqual(10 * manifests.length);
    for (const { type, inputs } of objects) {
      const metadata = inputs.metadata as { name: string; namespace: string };
      expect(metadata.namespace, type).toBe('slipway-dev');
      expect(metadata.name, type).toMatch(named);
    }
  });

  it('reads no StackReference for the platform: its outputs are an input of the render', async () => {
    const { resources } = await record(exampleManifests());
    expect(resources.some((r) => r.type === 'pulumi:pulumi:StackReference')).toBe(false);
  });

  it('uses the ambient kube context when clusterStack is not set', async () => {
    const { resources } = await record(exampleManifests(), configFor(exampleManifests()));
    expect(resources.some((r) => r.type === 'pulumi:pulumi:StackReference')).toBe(false);
    expect(
      resources.find((r) => r.type === 'pulumi:providers:kubernetes')?.inputs.kubeconfig,
    ).toBeUndefined();
  });
});
