import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixtureRepo, hashTree, linkBiome, readTree } from './helpers/fixture-repo.ts';
import { runGenerator } from './helpers/load-plop.ts';

// remove-service and rename-service in the fixture repository: gateway calls orders, and
// billing (generated here) calls orders and is called by gateway.
let root: string;
beforeEach(() => {
  root = createFixtureRepo();
  linkBiome(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const stackFile = 'infra/services/Pulumi.dev.yaml';
function writeStack(entries: string): void {
  mkdirSync(join(root, 'infra/services'), { recursive: true });
  writeFileSync(join(root, 'infra/services/Pulumi.yaml'), 'name: slipway-services\n');
  writeFileSync(
    join(root, stackFile),
    `# Stack 'dev'.\nconfig:\n  slipway-services:namespace: slipway-dev\n${entries}`,
  );
}

const run = async (generator: string, answers: Record<string, unknown>) =>
  runGenerator(root, generator, answers);
const errors = (failures: { error: string }[]) => failures.map((f) => f.error).join('\n');

async function addBilling() {
  const { failures } = await run('service', {
    name: 'billing',
    port: '3004',
    calls: ['orders'],
    calledBy: ['gateway'],
    owner: '@acme/payments',
  });
  expect(failures).toEqual([]);
}

describe('remove-service', () => {
  it('refuses a service others still call, naming them and the fix, and writes nothing', async () => {
    const before = hashTree(root);
    const { failures } = await run('remove-service', { name: 'orders' });
    expect(errors(failures)).toContain(
      'orders is still called by gateway: remove those calls first',
    );
    expect(errors(failures)).toContain('add -- --force-callers');
    expect(hashTree(root)).toBe(before);
  });

  it('refuses a service whose folder holds uncommitted changes, writing nothing', async () => {
    execFileSync('git', ['init', '-q'], { cwd: root });
    const before = hashTree(root);
    const { failures } = await run('remove-service', { name: 'gateway' });
    expect(errors(failures)).toContain(
      'apps/gateway has 3 uncommitted changes (git status apps/gateway) that removing it would lose: commit or discard them first.',
    );
    expect(hashTree(root)).toBe(before);
  });

  it('refuses a name that is no service, listing the services', async () => {
    const { failures } = await run('remove-service', { name: 'nope' });
    expect(errors(failures)).toContain(
      "There is no service 'nope' (no apps/nope/service.yaml); services: gateway, orders.",
    );
  });

  it('with --force-callers, undoes everything creating the service did, and its stack entries', async () => {
    const config = readFileSync(join(root, 'apps/gateway/src/config.ts'), 'utf8');
    const orders = readFileSync(join(root, 'apps/orders/service.yaml'), 'utf8');
    await addBilling();
    writeStack(
      '  slipway-services:images:\n    billing: ghcr.io/acme/billing:1\n    orders: ghcr.io/acme/orders:1 # pinned\n  slipway-services:secrets:\n    billing:\n      API_TOKEN: plain\n',
    );
    const { failures, result } = await run('remove-service', {
      name: 'billing',
      'force-callers': true,
    });
    expect(failures).toEqual([]);
    expect(result?.removed).toEqual([
      'apps/billing',
      'apps/gateway/src/clients/billing-client.test.ts',
      'apps/gateway/src/clients/billing-client.ts',
    ]);
    const tree = readTree(root);
    expect(existsSync(join(root, 'apps/billing'))).toBe(false);
    expect(tree['apps/gateway/src/config.ts']).toBe(config);
    expect(tree['apps/orders/service.yaml']).toBe(orders);
    expect(tree['apps/gateway/service.yaml']).toContain('calls: [orders]\n');
    expect(JSON.parse(tree['apps/gateway/package.json'] ?? '').devDependencies).toEqual({});
    expect(tree['.github/CODEOWNERS']).not.toContain('billing');
    expect(tree[stackFile]).toBe(
      "# Stack 'dev'.\nconfig:\n  slipway-services:namespace: slipway-dev\n  slipway-services:images:\n    orders: ghcr.io/acme/orders:1 # pinned\n",
    );
  });

  it("removes its dataServices entries from the stacks, keeping the other services' ones", async () => {
    await addBilling();
    writeStack(
      [
        '  slipway-services:dataServices:',
        '    billing:',
        '      postgres:',
        '        url:',
        '          secure: v1:abc',
        '        cidr: 10.40.1.0/24',
        '    orders:',
        '      cache:',
        '        url:',
        '          secure: v1:def',
        '        cidr: 10.40.2.0/24 # the shared server',
        '',
      ].join('\n'),
    );
    const { failures } = await run('remove-service', { name: 'billing', 'force-callers': true });
    expect(failures).toEqual([]);
    expect(readTree(root)[stackFile]).toBe(
      "# Stack 'dev'.\nconfig:\n  slipway-services:namespace: slipway-dev\n  slipway-services:dataServices:\n    orders:\n      cache:\n        url:\n          secure: v1:def\n        cidr: 10.40.2.0/24 # the shared server\n",
    );
  });
});

describe('rename-service', () => {
  it('refuses while a stack holds secrets of the service, giving the commands that move them', async () => {
    writeStack(
      '  slipway-services:secrets:\n    orders:\n      DATABASE_URL:\n        secure: v1:abc\n',
    );
    const before = hashTree(root);
    const { failures } = await run('rename-service', { name: 'orders', newName: 'purchases' });
    expect(errors(failures)).toContain(
      `pulumi config set --secret --path 'secrets.purchases.DATABASE_URL' "$(pulumi config get --path 'secrets.orders.DATABASE_URL' --stack dev)" --stack dev`,
    );
    expect(errors(failures)).toContain("pulumi config rm --path 'secrets.orders' --stack dev");
    expect(hashTree(root)).toBe(before);
  });

  it('refuses while a stack names existing servers of the service, giving the commands that move them', async () => {
    writeStack(
      '  slipway-services:dataServices:\n    orders:\n      postgres:\n        url:\n          secure: v1:abc\n        cidr: 10.40.1.0/24\n',
    );
    const before = hashTree(root);
    const { failures } = await run('rename-service', { name: 'orders', newName: 'purchases' });
    const message = errors(failures);
    expect(message).toContain(`${stackFile}: dataServices.orders: postgres.url, postgres.cidr`);
    expect(message).toContain(
      `pulumi config set --secret --path 'dataServices.purchases.postgres.url' "$(pulumi config get --path 'dataServices.orders.postgres.url' --stack dev)" --stack dev`,
    );
    expect(message).toContain(
      `pulumi config set --path 'dataServices.purchases.postgres.cidr' "$(pulumi config get --path 'dataServices.orders.postgres.cidr' --stack dev)" --stack dev`,
    );
    expect(message).toContain("pulumi config rm --path 'dataServices.orders' --stack dev");
    expect(hashTree(root)).toBe(before);
  });

  it.each([
    ['postgres', { database: 'postgres' }, 'PostgreSQL database'],
    ['cache', { cache: 'yes' }, 'cache'],
  ])(
    'refuses to rename a service declaring %s without --replace-data, saying why and how to keep the data',
    async (kind, answers, what) => {
      const created = await run('service', { name: 'ledger', port: '3005', ...answers });
      expect(created.failures).toEqual([]);
      const before = hashTree(root);
      const { failures } = await run('rename-service', { name: 'ledger', newName: 'journal' });
      const message = errors(failures);
      expect(message).toContain(
        `ledger declares ${kind}: in its manifest, and the cloud resources of its ${what} are named after the service: renamed, the next deploy of each environment provisions new, empty ones for journal and deletes those of ledger with their data`,
      );
      expect(message).toContain(
        `To keep the data, back up each environment's ${what} first, then rename with npm run gen -- rename-service ledger journal -- --replace-data, deploy, and restore the backup into the new one`,
      );
      expect(message).toContain('dataServices.journal.<kind>');
      expect(hashTree(root)).toBe(before);

      const renamed = await run('rename-service', {
        name: 'ledger',
        newName: 'journal',
        'replace-data': true,
      });
      expect(renamed.failures).toEqual([]);
      expect(existsSync(join(root, 'apps/journal/service.yaml'))).toBe(true);
    },
  );

  it('refuses a new name that is taken, as creating a service would', async () => {
    const { failures } = await run('rename-service', { name: 'gateway', newName: 'orders' });
    expect(errors(failures)).toContain("The name 'orders' is taken: apps/orders already exists.");
  });

  it('renames the folder, package, manifest, both sides of its calls, clients, owners and record', async () => {
    await addBilling();
    writeStack('  slipway-services:images:\n    billing: ghcr.io/acme/billing:1\n');
    const { failures } = await run('rename-service', { name: 'billing', newName: 'invoicing' });
    expect(failures).toEqual([]);
    const tree = readTree(root);
    expect(existsSync(join(root, 'apps/billing'))).toBe(false);
    expect(JSON.parse(tree['apps/invoicing/package.json'] ?? '').name).toBe('invoicing');
    expect(tree['apps/invoicing/service.yaml']).toContain('\nname: invoicing\n');
    expect(tree['apps/invoicing/src/app.ts']).toContain("name: 'invoicing',");
    expect(tree['apps/invoicing/src/app.ts']).toContain('export type InvoicingApi =');
    expect(tree['apps/invoicing/src/config.ts']).toContain("{ name: 'invoicing', port: 3004 }");
    expect(tree['apps/invoicing/README.md']).toMatch(/^# invoicing\n/);
    expect(JSON.parse(tree['apps/invoicing/.slipway/template.json'] ?? '').answers.name).toBe(
      'invoicing',
    );
    expect(tree['apps/orders/service.yaml']).toContain('calledBy: [gateway, invoicing]');
    expect(tree['apps/gateway/service.yaml']).toContain('calls: [orders, invoicing]');
    expect(tree['apps/gateway/src/config.ts']).toContain('INVOICING_URL: z.url(');
    expect(tree['apps/gateway/src/config.ts']).toContain('INVOICING_CALL_POLICY:');
    expect(tree['apps/gateway/src/clients/billing-client.ts']).toBeUndefined();
    expect(tree['apps/gateway/src/clients/invoicing-client.ts']).toContain(
      "import type { InvoicingApi } from 'invoicing/app';",
    );
    expect(JSON.parse(tree['apps/gateway/package.json'] ?? '').devDependencies).toEqual({
      invoicing: '*',
    });
    expect(tree['.github/CODEOWNERS']).toContain('/apps/invoicing/ @acme/payments\n');
    expect(tree[stackFile]).not.toContain('billing');
  });

  it('renamed back, gives the same tree', async () => {
    await addBilling();
    const before = readTree(root);
    await run('rename-service', { name: 'billing', newName: 'invoicing' });
    const { failures } = await run('rename-service', { name: 'invoicing', newName: 'billing' });
    expect(failures).toEqual([]);
    expect(readTree(root)).toEqual(before);
  });

  it('leaves no trace of the old name in what the template wrote, database included', async () => {
    for (const database of ['none', 'postgres']) {
      const { failures } = await run('service', { name: 'inventory', port: '3005', database });
      expect(failures).toEqual([]);
      const handlers = join(root, 'apps/inventory/src/routes/hello/hello.handlers.ts');
      writeFileSync(handlers, `// The team's own line.\n${readFileSync(handlers, 'utf8')}`);
      const renamed = await run('rename-service', {
        name: 'inventory',
        newName: 'stock',
        'replace-data': true,
      });
      expect(renamed.failures).toEqual([]);
      const tree = readTree(join(root, 'apps/stock'));
      const traces = Object.entries(tree).flatMap(([path, text]) =>
        text
          .split('\n')
          .filter((line) => /inventory/i.test(line))
          .map((line) => `${database} ${path}: ${line.trim()}`),
      );
      expect(traces).toEqual([]);
      expect(tree['src/app.ts']).toContain("description: 'The stock service.'");
      expect(tree['src/routes/hello/hello.handlers.ts']).toMatch(/^\/\/ The team's own line\.\n/);
      rmSync(join(root, 'apps/stock'), { recursive: true });
    }
  });
});
