import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { promiseOf, type RecordedResource } from '../src/render/record-deployment.js';
import { projectName } from '../src/stack-config.js';
import { exampleManifests, exampleNames, image, sentinel } from './fixtures.js';

const resources: RecordedResource[] = [];
// Whatever apps/ holds: the examples plus every service the generator has added since.
const manifests = exampleManifests();
const serviceNames = manifests.map((m) => m.name).sort();
let program: typeof import('../src/index.js');

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        resources.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    projectName,
    'dev',
    false,
  );
  // As `pulumi config set [--secret] --path` leaves it for the program.
  pulumi.runtime.setAllConfig(
    {
      [`${projectName}:domain`]: 'dev.example.com',
      [`${projectName}:images`]: JSON.stringify(
        Object.fromEntries(manifests.map((m) => [m.name, image(m.name)])),
      ),
      [`${projectName}:secrets`]: JSON.stringify(
        Object.fromEntries(
          manifests
            .filter((m) => m.secrets.length > 0)
            .map((m) => [m.name, Object.fromEntries(m.secrets.map((s) => [s, sentinel]))]),
        ),
      ),
    },
    [`${projectName}:secrets`],
  );
  program = await import('../src/index.js');
});

describe('the services program (src/index.ts)', () => {
  it('deploys every manifest under apps/ into the stack namespace', async () => {
    expect(serviceNames).toEqual(expect.arrayContaining([...exampleNames]));
    expect(program.namespace).toBe('slipway-dev');
    expect(Object.keys(program.services).sort()).toEqual(serviceNames);
    // Registration is asynchronous: wait until the engine (here, the mocks) has seen every component.
    await vi.waitFor(() =>
      expect(
        resources
          .filter((r) => r.type === 'slipway:services:Microservice')
          .map((r) => r.name)
          .sort(),
      ).toEqual(serviceNames),
    );
  });

  it('exports in-cluster URLs and the public URL of public services', async () => {
    expect(await promiseOf(program.services.orders?.url ?? pulumi.output(''))).toBe(
      'http://orders.slipway-dev.svc.cluster.local:3001',
    );
    expect(await promiseOf(program.services.gateway?.publicUrl ?? pulumi.output(''))).toBe(
      'https://gateway.dev.example.com',
    );
    expect(
      await promiseOf(program.services.orders?.publicUrl ?? pulumi.output('')),
    ).toBeUndefined();
    for (const m of manifests) {
      const service = program.services[m.name];
      expect(await promiseOf(service?.url ?? pulumi.output('')), m.name).toBe(
        `http://${m.name}.slipway-dev.svc.cluster.local:${m.port}`,
      );
      expect(await promiseOf(service?.publicUrl ?? pulumi.output('')), m.name).toBe(
        m.public ? `https://${m.name}.dev.example.com` : undefined,
      );
    }
  });

  it('exports no secret value', async () => {
    const outputs = await Promise.all(
      Object.values(program.services).flatMap((s) => [promiseOf(s.url), promiseOf(s.publicUrl)]),
    );
    expect(JSON.stringify({ namespace: program.namespace, outputs })).not.toContain(sentinel);
  });
});
