import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixtureRepo, hashTree, readTree } from './helpers/fixture-repo.ts';
import { runGenerator } from './helpers/load-plop.ts';

let root: string;
beforeEach(() => {
  root = createFixtureRepo();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));
const imageCommand = 'node --import ./dist/tracing.js --enable-source-maps dist/index.js';
const serviceFiles = [
  '.slipway/template.json',
  'README.md',
  'package.json',
  'service.yaml',
  'src/app.test.ts',
  'src/app.ts',
  'src/clients/orders-client.test.ts',
  'src/clients/orders-client.ts',
  'src/config.test.ts',
  'src/config.ts',
  'src/index.ts',
  'src/routes/hello/hello.handlers.ts',
  'src/routes/hello/hello.index.ts',
  'src/routes/hello/hello.routes.ts',
  'src/routes/hello/hello.test.ts',
  'test/fuzz.test.ts',
  'tsconfig.json',
  'vitest.config.ts',
];

/** What creating billing (calls orders, called by gateway) changes outside its folder. */
const callerUpdates = [
  'apps/gateway/package.json',
  'apps/gateway/service.yaml',
  'apps/gateway/src/config.ts',
  'apps/orders/service.yaml',
];

describe('the service generator', () => {
  const billing = {
    name: 'billing',
    port: '3004',
    public: true,
    calls: ['orders'],
    calledBy: ['gateway'],
    owner: '@acme/payments',
  };

  it('writes the service, declares both sides of its calls and adds its owner', async () => {
    const { failures, result } = await runGenerator(root, 'service', billing);
    expect(failures).toEqual([]);
    expect(result?.created).toEqual([
      // The fixture has no CODEOWNERS yet.
      '.github/CODEOWNERS',
      ...serviceFiles.map((f) => `apps/billing/${f}`),
      'apps/gateway/src/clients/billing-client.test.ts',
      'apps/gateway/src/clients/billing-client.ts',
    ]);
    expect(result?.updated).toEqual(callerUpdates);
    const tree = readTree(root);
    expect(tree['apps/orders/service.yaml']).toContain(
      'calledBy: [gateway, billing] # only the gateway',
    );
    expect(tree['apps/gateway/service.yaml']).toContain('calls: [orders, billing]');
    expect(tree['.github/CODEOWNERS']).toMatch(/\n\/apps\/billing\/ @acme\/payments\n$/);
    expect(tree['apps/billing/service.yaml']).toContain(
      'owner: "@acme/payments"\nport: 3004\npublic: true\ncalls: [orders]\ncalledBy: [gateway]\n',
    );
    expect(tree['apps/billing/src/config.ts']).toContain(
      "ORDERS_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3001'),",
    );
    expect(JSON.parse(tree['apps/billing/package.json'] ?? '')).toMatchObject({
      name: 'billing',
      private: true,
      engines: { node: '>=24' },
      scripts: { build: 'slipway-build', dev: 'slipway-dev', start: imageCommand },
      dependencies: { '@slipway/service-kit': '*', hono: '^4.13.19' },
      devDependencies: { '@slipway/api-fuzz': '*', '@slipway/dev': '*' },
    });
    expect(tree['apps/billing/test/fuzz.test.ts']).toContain(
      "import { fuzzService, fuzzTestTimeoutMs } from '@slipway/api-fuzz';",
    );
  });

  it('gives the new service a typed client of each callee, and each caller one of it', async () => {
    await runGenerator(root, 'service', billing);
    const tree = readTree(root);
    expect(tree['apps/billing/src/clients/orders-client.ts']).toContain(
      "return createServiceClient<OrdersApi>({ service: 'orders', ...options });",
    );
    expect(tree['apps/billing/src/config.ts']).toContain('ORDERS_CALL_POLICY: callPolicySchema');
    expect(JSON.parse(tree['apps/billing/package.json'] ?? '')).toMatchObject({
      dependencies: { '@slipway/service-client': '*' },
      devDependencies: { orders: '*' },
    });
    expect(tree['apps/gateway/src/config.ts']).toContain(
      "BILLING_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3004'),",
    );
    expect(tree['apps/gateway/src/config.ts']).toContain('ORDERS_URL: z.url(');
    expect(tree['apps/gateway/src/clients/billing-client.ts']).toContain(
      "import type { BillingApi } from 'billing/app';",
    );
    expect(JSON.parse(tree['apps/gateway/package.json'] ?? '')).toEqual({
      name: 'gateway',
      private: true,
      dependencies: { '@slipway/service-client': '*' },
      devDependencies: { billing: '*' },
    });
  });

  it('scaffolds the database, its migration and example routes with --database postgres', async () => {
    const { failures, result } = await runGenerator(root, 'service', {
      name: 'ledger',
      port: '3010',
      database: 'postgres',
    });
    expect(failures).toEqual([]);
    expect(result?.created).toEqual(
      expect.arrayContaining([
        'apps/ledger/.gitignore',
        'apps/ledger/drizzle.config.ts',
        'apps/ledger/migrations/0000_create_notes.sql',
        'apps/ledger/migrations/meta/_journal.json',
        'apps/ledger/src/db/database.ts',
        'apps/ledger/src/db/notes-store.test.ts',
        'apps/ledger/src/routes/notes/notes.test.ts',
      ]),
    );
    const tree = readTree(root);
    // The platform provisions the server, mounts DATABASE_URL and derives the egress rule.
    expect(tree['apps/ledger/service.yaml']).toMatch(/\npostgres: \{\}\n/);
    expect(tree['apps/ledger/service.yaml']).toContain('\nsecrets: []\n');
    expect(tree['apps/ledger/service.yaml']).not.toContain('egress:');
    expect(tree['apps/ledger/service.yaml']).not.toContain('cache:');
    expect(tree['apps/ledger/src/config.ts']).toContain(
      'DATABASE_URL: secret(z.url({ protocol: /^postgres(ql)?$/ })).optional(),',
    );
    expect(JSON.parse(tree['apps/ledger/package.json'] ?? '')).toMatchObject({
      scripts: {
        dev: 'slipway-dev --env PGLITE_DATA_DIR=.data/pglite',
        'db:generate': 'drizzle-kit generate',
      },
      dependencies: { '@slipway/database': '*', 'drizzle-orm': '^0.45.4', pg: '^8.23.1' },
      devDependencies: { 'drizzle-kit': '^0.31.11', '@types/pg': '^8.23.1' },
    });
  });

  it('scaffolds the cache, its example counter and routes with --cache', async () => {
    const { failures, result } = await runGenerator(root, 'service', {
      name: 'counter',
      port: '3010',
      cache: true,
    });
    expect(failures).toEqual([]);
    expect(result?.created).toEqual(
      expect.arrayContaining([
        'apps/counter/src/cache/visit-counter.ts',
        'apps/counter/src/cache/visit-counter.test.ts',
        'apps/counter/src/routes/visits/visits.test.ts',
      ]),
    );
    expect(result?.created).not.toContain('apps/counter/drizzle.config.ts');
    const tree = readTree(root);
    expect(tree['apps/counter/service.yaml']).toContain('docs/adding-a-cache.md.\ncache: {}\n');
    expect(tree['apps/counter/service.yaml']).not.toContain('postgres:');
    expect(tree['apps/counter/src/config.ts']).toContain(
      'CACHE_URL: secret(z.url({ protocol: /^rediss?$/ })).optional(),',
    );
    expect(tree['apps/counter/src/config.ts']).toContain(
      'CACHE_CA_CERT: secret(z.string()).optional(),',
    );
    expect(tree['apps/counter/src/index.ts']).toContain(
      'const health = new Health({ readiness: [cacheCheck(cache)] });',
    );
    expect(tree['apps/counter/src/index.ts']).toContain('onShutdown: [() => cache.close()]');
    expect(JSON.parse(tree['apps/counter/package.json'] ?? '')).toMatchObject({
      dependencies: { '@slipway/cache': '*', '@slipway/health': '*' },
    });
    expect(JSON.parse(tree['apps/counter/.slipway/template.json'] ?? '')).toMatchObject({
      answers: { database: 'none', cache: true },
    });
  });

  it('with --database postgres and --cache, declares both and checks both for readiness', async () => {
    const { failures } = await runGenerator(root, 'service', {
      name: 'ledger',
      port: '3010',
      database: 'postgres',
      cache: true,
    });
    expect(failures).toEqual([]);
    const tree = readTree(root);
    expect(tree['apps/ledger/service.yaml']).toMatch(/\npostgres: \{\}\n[\s\S]*\ncache: \{\}\n/);
    expect(tree['apps/ledger/src/index.ts']).toContain('cacheCheck(cache),');
    expect(tree['apps/ledger/src/index.ts']).toContain(
      'onShutdown: [() => database.close(), () => cache.close()],',
    );
    expect(tree['apps/ledger/src/app.ts']).toContain(".route('/', createVisitsRouter(visits));");
  });

  it('refuses calls that would loop back, writing nothing', async () => {
    const before = hashTree(root);
    const { failures } = await runGenerator(root, 'service', {
      name: 'audit',
      port: '3010',
      calls: ['orders'],
      calledBy: ['orders'],
    });
    expect(failures[0]?.error).toContain('The calls would form a loop (audit → orders → audit)');
    expect(hashTree(root)).toBe(before);
  });

  it('refuses a caller whose config it cannot extend, saying what to do, writing nothing', async () => {
    rmSync(join(root, 'apps/gateway/src/config.ts'));
    const before = hashTree(root);
    const { failures } = await runGenerator(root, 'service', {
      name: 'audit',
      port: '3010',
      calledBy: ['gateway'],
    });
    expect(failures.map((f) => f.error).join('\n')).toContain(
      "apps/gateway/src/config.ts has no `defineConfigSchema({ ... }, { ... })` call whose variables could take audit's URL",
    );
    expect(hashTree(root)).toBe(before);
  });

  it('with a dry run, reports the same files and writes nothing', async () => {
    const before = hashTree(root);
    const { failures, result } = await runGenerator(root, 'service', billing, {
      dryRun: true,
    });
    expect(failures).toEqual([]);
    expect(result).toMatchObject({ dryRun: true, linked: false });
    expect(result?.created).toHaveLength(serviceFiles.length + 3);
    expect(result?.updated).toEqual(callerUpdates);
    expect(hashTree(root)).toBe(before);
  });

  it('refuses invalid answers before planning, listing each, and changes no byte', async () => {
    const before = hashTree(root);
    const { failures, result } = await runGenerator(root, 'service', {
      ...billing,
      name: 'gateway',
      port: '3001',
    });
    expect(failures).toHaveLength(1);
    expect(failures[0]?.error).toContain("The name 'gateway' is taken");
    expect(failures[0]?.error).toContain("Port 3001 is already used by service 'orders'");
    expect(result).toBeUndefined();
    expect(hashTree(root)).toBe(before);
  });
});
