import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { copyRepository, type RepoCopy } from '@slipway/generators';
import { gatewayApiVersion } from '@slipway/infra-platform/versions';
import { loadServiceManifests } from '@slipway/service-manifest';
import { gatewayApiCrdFiles, installCrds } from '../src/kube/gateway-api-crds.ts';
import { type Deployment, objectPath, replicaSets, waitForRollout } from '../src/kube/workloads.ts';
import { repoRoot, useCluster } from './support/cluster-suite.ts';
import { objectsOfService } from './support/platform-checks.ts';
import { platformConfig, projectsOf, servicesConfig } from './support/stack-config.ts';

const service = 'ledger';
const namespace = 'slipway-scaffold';
const stackName = 'scaffold';
const { kube, stack } = useCluster();
const checksum = 'checksum/config';

describe('a freshly scaffolded service, deployed by the services program', () => {
  let copy: RepoCopy | undefined;
  const root = () => copy?.root ?? '';
  const deploy = (program: 'platform' | 'services', operation: 'up' | 'destroy') => {
    const projects = projectsOf(root());
    const platformStack = `organization/${projects.platform.name}/${stackName}`;
    const config =
      program === 'platform'
        ? platformConfig(projects.platform.name, namespace)
        : servicesConfig(root(), projects.services.name, { namespace, platformStack, tag: 'v1' });
    return stack(
      { projectDir: projects[program].dir, stack: stackName, operation, config },
      root(),
    );
  };
  const deployment = async (name: string) =>
    (await kube.get<Deployment>(
      objectPath('apps/v1', namespace, 'deployments', name),
    )) as Deployment;

  beforeAll(async () => {
    await installCrds(kube, gatewayApiCrdFiles(gatewayApiVersion));
    copy = copyRepository(repoRoot, { services: ['gateway', 'orders'] });
    execFileSync('npm', ['create', '@slipway/service', '--', '--name', service, '--yes'], {
      cwd: copy.root,
      stdio: 'pipe',
    });
    await deploy('platform', 'up');
  });
  afterAll(async () => {
    if (copy) {
      await deploy('services', 'destroy').catch(() => undefined);
      await deploy('platform', 'destroy').catch(() => undefined);
      copy.remove();
    }
    kube.close();
  });

  it(`deploys ${service}, scaffolded by npm create @slipway/service --yes, with every object and Available`, async () => {
    await deploy('services', 'up');
    const manifest = loadServiceManifests(root()).find((m) => m.name === service);
    if (!manifest) throw new Error(`the copy has no ${service} manifest`);
    expect(await objectsOfService(kube, namespace, service)).toContain(`deployments/${service}`);
    expect(await objectsOfService(kube, namespace, service)).toContain(
      `horizontalpodautoscalers/${service}`,
    );
    // Every service at its HPA minimum, so nothing scales while the next test compares.
    for (const { name, replicas } of loadServiceManifests(root())) {
      await waitForRollout(kube, namespace, name, replicas.min);
    }
  });

  it(`rolls ${service}'s pods, and only its, when its config changes (the checksum annotation)`, async () => {
    const names = loadServiceManifests(root()).map((m) => m.name);
    const before = Object.fromEntries(
      await Promise.all(names.map(async (n) => [n, await deployment(n)] as const)),
    );
    const file = join(root(), 'apps', service, 'service.yaml');
    const document = parseDocument(readFileSync(file, 'utf8'));
    document.setIn(['config', 'dev', 'LOG_LEVEL'], 'warn');
    writeFileSync(file, document.toString());

    await deploy('services', 'up');
    const after = await waitForRollout(kube, namespace, service);
    const annotation = (d: Deployment | undefined) =>
      d?.spec.template.metadata?.annotations?.[checksum];
    expect(annotation(after)).toBeDefined();
    expect(annotation(after)).not.toBe(annotation(before[service]));
    const sets = await replicaSets(kube, namespace, service);
    expect(sets.filter((rs) => (rs.spec.replicas ?? 0) > 0)).toHaveLength(1);
    for (const other of names.filter((n) => n !== service)) {
      expect((await deployment(other)).spec.template, other).toEqual(before[other]?.spec.template);
      expect((await replicaSets(kube, namespace, other)).length, other).toBe(1);
    }
  });
});
