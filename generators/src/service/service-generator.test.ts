import { describe, expect, it } from 'vitest';
import { memoryRepo } from '../testing/memory-repo.ts';
import type { ServiceAnswers } from './service-answers.ts';
import { planService } from './service-generator.ts';

const repo = memoryRepo(
  {
    'platform.json': '{}',
    'package.json': '{ "engines": { "node": ">=24" } }',
    'packages/service-kit/package.json': JSON.stringify({
      name: '@slipway/service-kit',
      dependencies: { '@hono/zod-openapi': '^1.6.3', hono: '^4.13.19', zod: '^4.6.7' },
    }),
    'apps/orders/package.json': '{ "name": "orders" }',
    'apps/orders/service.yaml':
      'name: orders\ndescription: Orders.\nport: 3001\npublic: false\ncalls: []\ncalledBy: [] # none yet\n',
  },
  {
    templates: {
      'service/service.yaml.hbs': 'name: {{name}}\nport: {{port}}\ncalls: {{flowList calls}}\n',
      'service/package.json.hbs': '{ "name": "{{name}}", "hono": "{{versions.hono}}" }\n',
      'client/{{callee}}-client.ts.hbs': '// {{caller}} calls {{callee}}\n',
    },
  },
);

const billing: ServiceAnswers = {
  name: 'billing',
  description: 'Bills.',
  port: 3004,
  public: false,
  calls: ['orders'],
  calledBy: [],
  owner: '@acme/pay',
  database: 'none',
  cache: false,
};

describe('planService, on a tree in memory', () => {
  it('renders the new folder with its template record and a client of each callee', () => {
    const [folder, ...others] = planService(billing, repo).directories;
    expect(others).toEqual([]);
    expect(folder?.path).toBe('apps/billing');
    const files = Object.fromEntries((folder?.files ?? []).map((f) => [f.path, f.content]));
    expect(Object.keys(files).sort()).toEqual([
      '.slipway/template.json',
      'package.json',
      'service.yaml',
      'src/clients/orders-client.ts',
    ]);
    expect(files['service.yaml']).toBe('name: billing\nport: 3004\ncalls: [orders]\n');
    expect(files['package.json']).toBe('{ "name": "billing", "hono": "^4.13.19" }\n');
    expect(files['src/clients/orders-client.ts']).toBe('// billing calls orders\n');
    expect(JSON.parse(files['.slipway/template.json'] ?? '')).toMatchObject({
      version: '0'.repeat(40),
      answers: { name: 'billing', calls: ['orders'] },
      repository: { scope: '@slipway', nodeEngine: '>=24', ports: { orders: 3001 } },
    });
  });

  it("declares the call on the callee's side and adds the owner, outside the new folder", () => {
    expect(planService(billing, repo).files).toEqual([
      {
        path: 'apps/orders/service.yaml',
        content:
          'name: orders\ndescription: Orders.\nport: 3001\npublic: false\ncalls: []\ncalledBy: [billing] # none yet\n',
      },
      {
        path: '.github/CODEOWNERS',
        content: expect.stringMatching(/\n\/apps\/billing\/ @acme\/pay\n$/),
      },
    ]);
  });
});
