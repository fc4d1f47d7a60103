import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { promiseOf, type RecordedResource } from '../src/render/record-deployment.js';
import { projectName } from '../src/stack-config.js';
import { image, sentinel } from './fixtures.js';

const resources: RecordedResource[] = [];
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
      [`${projectName}:images`]: JSON.stringify({
        orders: image('orders'),
        gateway: image('gateway'),
      }),
      [`${projectName}:secrets`]: JSON.stringify({ orders: { DATABASE_URL: sentinel } }),
    },
    [`${projectName}:secrets`],
  );
  program = await import('../src/index.js');
});

describe('the services program (src/index.ts)', () => {
  it('deploys every manifest under apps/ into the stack namespace', async () => {
    expect(program.namespace).toBe('slipway-dev');
    expect(Object.keys(program.services).sort()).toEqual(['gateway', 'orders']);
    // Registration is asynchronous: wait until the engine (here, the mocks) has seen both components.
    await vi.waitFor(() =>
      expect(
        resources
          .filter((r) => r.type === 'slipway:services:Microservice')
          .map((r) => r.name)
          .sort(),
      ).toEqual(['gateway', 'orders']),
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
  });

  it('exports no secret value', async () => {
    const outputs = await Promise.all(
      Object.values(program.services).flatMap((s) => [promiseOf(s.url), promiseOf(s.publicUrl)]),
    );
    expect(JSON.stringify({ namespace: program.namespace, outputs })).not.toContain(sentinel);
  });
});
