import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import { named, programRunner, promiseOf, type RecordedResource } from '@slipway/infra-testing';
import { fixturePlatformOutputs } from '../src/render/fixture-platform-outputs.ts';
import { projectName } from '../src/stack-config.ts';
import { catalogConfig, exampleManifests, exampleNames, sentinel } from './fixtures.ts';

type Program = typeof import('../src/index.ts');

// Whatever apps/ holds: the examples plus every service the generator has added since.
const manifests = exampleManifests();
const serviceNames = manifests.map((m) => m.name).sort();
const platformStack = 'organization/slipway-platform/dev';
const platformOutputs = {
  ...fixturePlatformOutputs({ 'slipway-dev': 'dev.example.com' }),
  gateways: {
    'slipway-dev': {
      domain: 'dev.example.com',
      parentRef: { name: 'edge', namespace: 'slipway-dev', sectionName: 'https-wildcard' },
      dataPlane: { namespace: 'gateway-proxies', podLabels: { proxy: 'edge' } },
    },
  },
};

/** The program as `pulumi up` runs it, with config as `pulumi config set [--secret] --path` leaves it. */
const runProgram = programRunner(
  {
    project: projectName,
    config: catalogConfig(manifests),
    secretKeys: ['secrets'],
    // The platform stack's outputs, as its StackReference reads them.
    outputsOf: (resource) =>
      resource.type === 'pulumi:pulumi:StackReference' ? { outputs: platformOutputs } : undefined,
  },
  () => import('../src/index.ts'),
);

let program: Program;
let resources: RecordedResource[];

beforeAll(async () => {
  ({ program, resources } = await runProgram({ platformStack }));
});

describe('the services program (src/index.ts)', () => {
  it('deploys every manifest under apps/ into the stack namespace', () => {
    expect(serviceNames).toEqual(expect.arrayContaining([...exampleNames]));
    expect(program.namespace).toBe('slipway-dev');
    expect(Object.keys(program.services).sort()).toEqual(serviceNames);
    expect(
      resources
        .filter((r) => r.type === 'slipway:services:Microservice')
        .map((r) => r.name)
        .sort(),
    ).toEqual(serviceNames);
  });

  it('reads the platform stack named by platformStack and attaches public services to its gateway', () => {
    const references = resources.filter((r) => r.type === 'pulumi:pulumi:StackReference');
    expect(references.map((r) => r.inputs.name)).toEqual([platformStack]);
    const route = named(
      resources,
      'kubernetes:gateway.networking.k8s.io/v1:HTTPRoute',
      'gateway-route',
    );
    expect((route.inputs.spec as { parentRefs: unknown }).parentRefs).toEqual([
      {
        group: 'gateway.networking.k8s.io',
        kind: 'Gateway',
        name: 'edge',
        namespace: 'slipway-dev',
        sectionName: 'https-wildcard',
      },
    ]);
    const policy = named(
      resources,
      'kubernetes:networking.k8s.io/v1:NetworkPolicy',
      'gateway-ingress-policy',
    );
    expect(JSON.stringify(policy.inputs)).toContain(
      '"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"gateway-proxies"}},"podSelector":{"matchLabels":{"proxy":"edge"}}',
    );
  });

  it('exports in-cluster URLs and the public URL of public services', async () => {
    for (const m of manifests) {
      const service = program.services[m.name];
      expect(await promiseOf(service?.url ?? pulumi.output('')), m.name).toBe(
        `http://${m.name}.slipway-dev.svc.cluster.local:${m.port}`,
      );
      expect(await promiseOf(service?.publicUrl ?? pulumi.output('')), m.name).toBe(
        m.public ? `https://${m.name}.dev.example.com` : undefined,
      );
    }
    expect(await promiseOf(program.services.gateway?.publicUrl ?? pulumi.output(''))).toBe(
      'https://gateway.dev.example.com',
    );
  });

  it('exports what serves each declared data service (here the existing servers the config names), never its URL', () => {
    const declared = manifests.filter((m) => m.postgres || m.cache);
    expect(declared.map((m) => m.name)).toContain('orders');
    expect(program.dataServices).toEqual(
      Object.fromEntries(
        declared.map((m) => [
          m.name,
          {
            ...(m.postgres ? { postgres: 'existing server' } : {}),
            ...(m.cache ? { cache: 'existing server' } : {}),
          },
        ]),
      ),
    );
    expect(JSON.stringify(program.dataServices)).not.toContain(sentinel);
  });

  it('exports no secret value', async () => {
    const outputs = await Promise.all(
      Object.values(program.services).flatMap((s) => [promiseOf(s.url), promiseOf(s.publicUrl)]),
    );
    expect(JSON.stringify({ namespace: program.namespace, outputs })).not.toContain(sentinel);
  });

  // Last: it runs the program again, with other config.
  it('refuses to deploy a public service without platformStack', async () => {
    await expect(runProgram({})).rejects.toThrow(
      "service 'gateway', field 'platformStack': is required",
    );
  });
});
