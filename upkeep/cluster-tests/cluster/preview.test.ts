import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayApiVersion } from '@slipway/infra-platform/versions';
import { environmentNamespace, previewNamespace, productNames } from '@slipway/platform-contract';
import { loadServiceManifests } from '@slipway/service-manifest';
import { waitUntil } from '../src/control-plane/wait-until.ts';
import { gatewayApiCrdFiles, installCrds } from '../src/kube/gateway-api-crds.ts';
import type { KubeObject } from '../src/kube/kube-client.ts';
import { objectPath } from '../src/kube/workloads.ts';
import { repoRoot, useCluster } from './support/cluster-suite.ts';
import { runPreviewCli } from './support/preview-cli.ts';
import { environmentStacks, projectsOf, servicesConfig } from './support/stack-config.ts';

const { info, kube, stack } = useCluster();
const manifests = loadServiceManifests(repoRoot);
const stagingNamespace = environmentNamespace('staging');
const pr = 4242;
const namespace = previewNamespace(pr);
const projects = projectsOf(repoRoot);
/** A value only the prod stack holds: if it shows up in the preview, production leaked. */
const productionSentinel = 'PRODUCTION-SENTINEL-5d1e-never-in-a-preview';
const { deployPlatform, deployServices, platformStack } = environmentStacks(
  stack,
  repoRoot,
  stagingNamespace,
  'staging',
);
// The changed service: a public one that calls another, so the preview holds a callee too.
const changed =
  manifests.find((m) => m.public && m.calls.length > 0) ?? manifests.find((m) => m.public);
if (!changed) throw new Error('the catalog has no public service to preview');
const builtImage = (() => {
  const digest = createHash('sha256').update(`${changed.name}:pr-${pr}`).digest('hex');
  return `registry.cluster-test.invalid/${changed.name}:${'c'.repeat(40)}@sha256:${digest}`;
})();
const at = (iso: string) => ['--now', iso];
const startedAt = '2026-01-01T00:00:00Z';
const up = () =>
  runPreviewCli(info, repoRoot, [
    'up',
    '--pr',
    String(pr),
    '--changed',
    changed.name,
    '--built',
    JSON.stringify({ 'image-0': builtImage }),
    '--ttl',
    '1h',
    ...at(startedAt),
  ]);
const stackFile = join(
  info.stateDir,
  'backend/.pulumi/stacks',
  projects.services.name,
  `pr-${pr}.json`,
);
const inPreview = (apiVersion: string, kind: string) =>
  kube.list<KubeObject>(objectPath(apiVersion, namespace, kind));

describe('a preview environment per pull request (npm run preview)', () => {
  beforeAll(async () => {
    await installCrds(kube, gatewayApiCrdFiles(gatewayApiVersion));
    await deployPlatform('up');
    // Staging runs main's images: the preview copies its deployed config.
    await deployServices('up');
    // Production's stack, in the same backend, with a sentinel for every secret.
    const prod = servicesConfig(repoRoot, projects.services.name, {
      namespace: stagingNamespace,
      platformStack,
      tag: 'v1',
    });
    // Every secret value of production's: its service secrets and its servers' URLs.
    const sentinelled = (key: string) => {
      const text = prod[`${projects.services.name}:${key}`]?.value ?? '{}';
      return { value: text.replace(/cluster-test-[a-z0-9-]+/g, productionSentinel), secret: true };
    };
    await stack({
      projectDir: projects.services.dir,
      stack: 'prod',
      operation: 'preview',
      config: {
        ...prod,
        [`${projects.services.name}:secrets`]: sentinelled('secrets'),
        [`${projects.services.name}:dataServices`]: sentinelled('dataServices'),
      },
    });
  });
  afterAll(async () => {
    await runPreviewCli(info, repoRoot, ['down', '--pr', String(pr)]).catch(() => undefined);
    await deployServices('destroy').catch(() => undefined);
    await deployPlatform('destroy').catch(() => undefined);
    kube.close();
  });

  it("creates the namespace, its quota, limit range and policies, the changed service and its callees, the route on staging's gateway, and the stack", async () => {
    const run = await up();
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.namespace).toBe(namespace);
    const ns = await kube.get<KubeObject>(`/api/v1/namespaces/${namespace}`);
    expect(ns?.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(ns?.metadata.labels?.[`${productNames.name}.dev/preview`]).toBe(String(pr));
    expect(ns?.metadata.annotations?.[`${productNames.name}.dev/expires-at`]).toBe(
      '2026-01-01T01:00:00Z',
    );
    expect((await inPreview('v1', 'resourcequotas')).map((q) => q.metadata.name)).toEqual([
      'preview-quota',
    ]);
    expect((await inPreview('v1', 'limitranges')).map((l) => l.metadata.name)).toEqual([
      'preview-limits',
    ]);
    const policies = (await inPreview('networking.k8s.io/v1', 'networkpolicies')).map(
      (p) => p.metadata.name,
    );
    expect(policies).toContain('default-deny-all');
    expect(policies).toContain(`${changed.name}-ingress`);
    const deployments = (await inPreview('apps/v1', 'deployments'))
      .map((d) => d.metadata.name)
      .sort();
    expect(deployments).toEqual([changed.name, ...changed.calls].sort());
    expect(await inPreview('autoscaling/v2', 'horizontalpodautoscalers')).toEqual([]);
    const routes = await kube.list<KubeObject & { spec: { hostnames: string[] } }>(
      objectPath('gateway.networking.k8s.io/v1', stagingNamespace, 'httproutes'),
    );
    const route = routes.find((r) => r.metadata.name === `${changed.name}-pr-${pr}`);
    expect(route?.spec.hostnames[0]).toMatch(new RegExp(`^${changed.name}-pr-${pr}\\.`));
    expect(await inPreview('gateway.networking.k8s.io/v1beta1', 'referencegrants')).toHaveLength(1);
    expect(existsSync(stackFile)).toBe(true);
  });

  it('changes nothing on a second up', async () => {
    const run = await up();
    expect(run.code, run.log).toBe(0);
    const changes = JSON.parse(run.outputs.changes ?? '{}') as Record<string, number>;
    expect(changes.same, run.log).toBeGreaterThan(0);
    expect(Object.keys(changes).filter((kind) => kind !== 'same')).toEqual([]);
  });

  it("holds staging's secrets and no Secret holds production's sentinel", async () => {
    const secrets = await inPreview('v1', 'secrets');
    const values = secrets.flatMap((s) =>
      Object.values((s as KubeObject & { data?: Record<string, string> }).data ?? {}).map((v) =>
        Buffer.from(v, 'base64').toString('utf8'),
      ),
    );
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter((v) => v.includes(productionSentinel))).toEqual([]);
    // Staging's values are there: its servers' URLs (and secrets, for a service that declares some).
    expect(values.some((v) => v.includes('cluster-test-'))).toBe(true);
  });

  it('refuses production as the source of a preview', async () => {
    const run = await runPreviewCli(info, repoRoot, [
      'up',
      '--pr',
      '4343',
      '--changed',
      changed.name,
      '--from',
      'prod',
      '--built',
      JSON.stringify({ a: builtImage }),
    ]);
    expect(run.code).toBe(1);
    expect(run.log).toMatch(/never production's/);
    expect(
      await kube.get<KubeObject>(`/api/v1/namespaces/${previewNamespace(4343)}`),
    ).toBeUndefined();
  });

  it('leaves a preview before its expiry and collects it past: namespace and stack gone', async () => {
    const early = await runPreviewCli(info, repoRoot, ['gc', ...at('2026-01-01T00:59:00Z')]);
    expect(early.code, early.log).toBe(0);
    expect(existsSync(stackFile)).toBe(true);
    const late = await runPreviewCli(info, repoRoot, ['gc', ...at('2026-01-01T01:00:01Z')]);
    expect(late.code, late.log).toBe(0);
    expect(late.log).toContain(`pr-${pr}`);
    expect(existsSync(stackFile)).toBe(false);
    await waitUntil(
      async () => (await kube.get<KubeObject>(`/api/v1/namespaces/${namespace}`)) === undefined,
      { what: `namespace ${namespace} to be gone`, timeoutMs: 180_000 },
    );
  });
});
