import { describe, expect, it } from 'vitest';
import { previewNamespace, productNames } from '@slipway/platform-contract';
import { fixturePlatformOutputs } from '../src/render/fixture-platform-outputs.ts';
import { ServicesStackConfigError } from '../src/stack-config-error.ts';
import { configFor, examplePair, find, renderObjects } from './fixtures.ts';

// gateway (public) calls orders: a preview of gateway deploys both.
const manifests = examplePair();
const stagingNamespace = `${productNames.namespacePrefix}-staging`;
const pr = 12;
const expiresAt = '2026-01-08T12:00:00Z';
const platform = fixturePlatformOutputs({ [stagingNamespace]: 'staging.example.com' });
const previewConfig = (services: readonly string[] = ['gateway', 'orders']) =>
  configFor(
    manifests,
    { namespace: stagingNamespace, preview: { pr, expiresAt, services } },
    'staging',
  );
const render = (services?: readonly string[]) =>
  renderObjects(manifests, previewConfig(services), platform);

describe('a preview (stack config preview: { pr, expiresAt, services })', () => {
  it("deploys into the pull request's namespace, only the services it lists", async () => {
    const config = previewConfig(['orders']);
    expect(config.namespace).toBe(previewNamespace(pr));
    const objects = await render(['orders']);
    const deployments = objects.filter((o) => o.kind === 'Deployment');
    expect(deployments.map((d) => `${d.metadata.namespace}/${d.metadata.name}`)).toEqual([
      `${previewNamespace(pr)}/orders`,
    ]);
  });

  it('runs one pod per service: no HPA, no PDB, and the Deployment leaves replicas to the default of 1', async () => {
    const objects = await render();
    expect(objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')).toEqual([]);
    expect(objects.filter((o) => o.kind === 'PodDisruptionBudget')).toEqual([]);
    expect(find(objects, 'Deployment', 'orders').spec.replicas).toBeUndefined();
  });

  it('creates its namespace: restricted Pod Security, the pull request and expiry, default-deny', async () => {
    const objects = await render();
    const namespace = find(objects, 'Namespace', previewNamespace(pr));
    const labels = namespace.metadata.labels;
    expect(labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    // Exempt from admission (previews.md): no environment-namespace labels, no signature check.
    expect(labels['app.kubernetes.io/component']).toBe('preview');
    expect(labels).not.toHaveProperty('policy.sigstore.dev/include');
    expect(labels[`${productNames.name}.dev/preview`]).toBe(String(pr));
    expect(labels[`${productNames.name}.dev/expires-at`]).toBe(
      String(Date.parse(expiresAt) / 1000),
    );
    expect(namespace.metadata.annotations[`${productNames.name}.dev/expires-at`]).toBe(expiresAt);
    const deny = find(objects, 'NetworkPolicy', 'default-deny-all');
    expect(deny.metadata.namespace).toBe(previewNamespace(pr));
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    // The services' own allows, as in every environment.
    expect(find(objects, 'NetworkPolicy', 'orders-ingress').metadata.namespace).toBe(
      previewNamespace(pr),
    );
  });

  it("sizes its ResourceQuota from the deployed manifests' requests, two pods each", async () => {
    const objects = await render();
    const quota = find(objects, 'ResourceQuota', 'preview-quota');
    expect(quota.metadata.namespace).toBe(previewNamespace(pr));
    expect(quota.spec.hard.pods).toBe(String(manifests.length * 2));
    expect(objects.find((o) => o.kind === 'LimitRange')).toBeDefined();
  });

  it("routes a public service on the environment's gateway under its preview host, to the preview's Service", async () => {
    const objects = await render();
    const route = find(objects, 'HTTPRoute', `gateway-pr-${pr}`);
    expect(route.metadata.namespace).toBe(stagingNamespace);
    expect(route.spec.hostnames).toEqual([`gateway-pr-${pr}.staging.example.com`]);
    expect(route.spec.rules[0].backendRefs[0].namespace).toBe(previewNamespace(pr));
    const grant = find(objects, 'ReferenceGrant', `gateway-pr-${pr}`);
    expect(grant.metadata.namespace).toBe(previewNamespace(pr));
    expect(grant.spec.from).toEqual([
      { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: stagingNamespace },
    ]);
    // No route of the service's own in the preview namespace.
    expect(
      objects.filter((o) => o.kind === 'HTTPRoute' && o.metadata.namespace !== stagingNamespace),
    ).toEqual([]);
  });

  it('refuses a listed service the catalog lacks, naming the field', async () => {
    await expect(render(['orders', 'no-such-service'])).rejects.toThrow(ServicesStackConfigError);
    await expect(render(['no-such-service'])).rejects.toThrow(/preview\.services/);
  });

  it('refuses a bad preview setting, naming each field', () => {
    expect(() =>
      configFor(manifests, { preview: { pr: 0, expiresAt: 'soon', services: [] } }, 'staging'),
    ).toThrow(/preview\.pr[\s\S]*preview\.expiresAt[\s\S]*preview\.services/);
  });

  it('leaves a stack without preview as it was: HPA, PDB and its own route', async () => {
    const objects = await renderObjects(
      manifests,
      configFor(manifests, { namespace: stagingNamespace }, 'staging'),
      platform,
    );
    expect(objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')).toHaveLength(2);
    expect(objects.filter((o) => o.kind === 'PodDisruptionBudget')).toHaveLength(2);
    expect(
      objects.filter((o) => ['Namespace', 'ReferenceGrant', 'ResourceQuota'].includes(o.kind)),
    ).toEqual([]);
  });
});
