import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServiceManifests } from '@slipway/service-manifest';
import { runCommand, startServer } from '../test/helpers/run-command.ts';
import {
  builtServiceEnv,
  failedTaskLogs,
  minutes,
  sourceFilesUnder,
  useRepoCopy,
} from './e2e-support.ts';

// In a copy of the repository: services and a package are scaffolded, built, tested and started.
describe('in a copy of the repository: services and a package', () => {
  const suite = useRepoCopy();
  const npm = suite.npm;
  const turbo = suite.turbo;

  describe('npm create @slipway/service, end to end', () => {
    it(
      'scaffolds a service from inside another service folder and links it into the workspace',
      async () => {
        const run = await npm(
          [
            'create',
            '@slipway/service',
            '--',
            '--name',
            'billing',
            '--port',
            '3004',
            '--calls',
            'orders',
            '--public',
          ],
          join(suite.root(), 'apps/orders'),
        );
        expect(run.code, failedTaskLogs(run.output)).toBe(0);
        expect(run.output).toContain('Next steps:');
        expect(readdirSync(join(suite.root(), 'apps/billing/src'))).toContain('app.ts');
        expect(existsSync(join(suite.root(), 'node_modules/billing/package.json'))).toBe(true);
        expect(readFileSync(join(suite.root(), 'package-lock.json'), 'utf8')).toContain(
          '"apps/billing"',
        );
        const orders = loadServiceManifests(suite.root()).find((s) => s.name === 'orders');
        expect(orders?.calledBy).toContain('billing');
      },
      minutes(3),
    );

    it(
      'with --yes and --database postgres, scaffolds one on PostgreSQL that gateway calls',
      async () => {
        const run = await npm([
          'create',
          '@slipway/service',
          '--',
          '--name',
          'ledger',
          '--database',
          'postgres',
          '--called-by',
          'gateway',
          '--yes',
        ]);
        expect(run.code, failedTaskLogs(run.output)).toBe(0);
        const ledger = loadServiceManifests(suite.root()).find((s) => s.name === 'ledger');
        expect(ledger).toMatchObject({
          port: 3005,
          public: false,
          calls: [],
          calledBy: ['gateway'],
          postgres: {},
          secrets: [],
        });
        const gatewayConfig = readFileSync(
          join(suite.root(), 'apps/gateway/src/config.ts'),
          'utf8',
        );
        expect(gatewayConfig).toContain('LEDGER_URL');
        expect(existsSync(join(suite.root(), 'apps/gateway/src/clients/ledger-client.ts'))).toBe(
          true,
        );
      },
      minutes(3),
    );

    it(
      'the new services, and gateway with its new client, typecheck, lint, pass their tests and build',
      async () => {
        const run = await turbo(
          ['typecheck', 'lint', 'test', 'build'],
          ['billing', 'ledger', 'gateway'],
        );
        expect(run.code, failedTaskLogs(run.output)).toBe(0);
        expect(run.output).toMatch(/billing:test:.*orders-client\.test\.ts/s);
        expect(run.output).toMatch(/gateway:test:.*ledger-client\.test\.ts/s);
        expect(run.output).toMatch(/ledger:test:.*notes-store\.test\.ts/s);
        // CI names a PostgreSQL server: then the store tests ran on it too, none skipped.
        if (process.env.TEST_DATABASE_URL)
          expect(run.output).not.toMatch(/ledger:test:.*Tests\s+\d+ passed \| \d+ skipped/s);
        expect(run.output).toMatch(/billing:test:.*Tests\s+\d+ passed/s);
        // Its API was fuzzed from its own /openapi.json, with no edit after scaffolding.
        expect(run.output).toMatch(/billing:test: .*api-fuzz: billing passed \(\d+ requests/);
        expect(run.output).toMatch(/ledger:test: .*api-fuzz: ledger passed \(\d+ requests/);
        expect(existsSync(join(suite.root(), 'apps/billing/dist/index.js'))).toBe(true);
      },
      minutes(10),
    );

    it(
      'leave no export, file or dependency that nothing uses (knip, as npm test runs it)',
      async () => {
        const run = await npm(['run', 'knip']);
        expect(run.code, failedTaskLogs(run.output)).toBe(0);
      },
      minutes(2),
    );

    it(
      'the built service starts and answers /livez and /readyz with 200',
      async () => {
        suite.server = await startServer(
          'apps/billing/dist/index.js',
          suite.root(),
          builtServiceEnv,
        );
        expect((await fetch(`${suite.server.url}/livez`)).status).toBe(200);
        expect((await fetch(`${suite.server.url}/readyz`)).status).toBe(200);
        const hello = await fetch(`${suite.server.url}/hello?name=Ada`);
        expect(await hello.json()).toEqual({ message: 'Hello, Ada!', service: 'billing' });
        expect(await suite.server.stop()).toBe(0);
        suite.server = undefined;
      },
      minutes(1),
    );

    it(
      'the built database service migrates at start-up (embedded PGlite) and keeps a note',
      async () => {
        suite.server = await startServer(
          'apps/ledger/dist/index.js',
          suite.root(),
          builtServiceEnv,
        );
        expect((await fetch(`${suite.server.url}/readyz`)).status).toBe(200);
        const created = await fetch(`${suite.server.url}/notes`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text: 'Call Ada back' }),
        });
        expect(created.status).toBe(201);
        const read = await fetch(`${suite.server.url}${created.headers.get('Location')}`);
        expect(await read.json()).toMatchObject({ text: 'Call Ada back' });
        expect(await suite.server.stop()).toBe(0);
        suite.server = undefined;
      },
      minutes(2),
    );
  });

  describe('npm create @slipway/service --cache, end to end', () => {
    it(
      'scaffolds a service with a cache, and one with a cache and a database',
      async () => {
        for (const args of [
          ['--name', 'tally', '--cache'],
          ['--name', 'stash', '--database', 'postgres', '--cache'],
        ]) {
          const run = await npm(['create', '@slipway/service', '--', ...args, '--yes']);
          expect(run.code, failedTaskLogs(run.output)).toBe(0);
        }
        const manifests = loadServiceManifests(suite.root());
        expect(manifests.find((s) => s.name === 'tally')).toMatchObject({ cache: {}, secrets: [] });
        expect(manifests.find((s) => s.name === 'tally')?.postgres).toBeUndefined();
        expect(manifests.find((s) => s.name === 'stash')).toMatchObject({
          postgres: {},
          cache: {},
        });
      },
      minutes(3),
    );

    it(
      'the cache services typecheck, lint, pass their tests (on a cache server too when CI names one) and build',
      async () => {
        const run = await turbo(['typecheck', 'lint', 'test', 'build'], ['tally', 'stash']);
        expect(run.code, failedTaskLogs(run.output)).toBe(0);
        expect(run.output).toMatch(/tally:test:.*visit-counter\.test\.ts/s);
        expect(run.output).toMatch(/stash:test:.*notes-store\.test\.ts/s);
        // CI names a cache server: then the counter's tests ran on it too, none skipped.
        if (process.env.TEST_CACHE_URL)
          expect(run.output).toMatch(/^tally:test:\s+Tests\s+\d+ passed \(\d+\)$/m);
        expect(run.output).toMatch(/tally:test: .*api-fuzz: tally passed \(\d+ requests/);
        expect(run.output).toMatch(/stash:test: .*api-fuzz: stash passed \(\d+ requests/);
        expect(existsSync(join(suite.root(), 'apps/stash/dist/index.js'))).toBe(true);
      },
      minutes(10),
    );

    it(
      'the built cache service starts on its in-process cache, is ready and counts visits',
      async () => {
        suite.server = await startServer('apps/tally/dist/index.js', suite.root(), builtServiceEnv);
        expect((await fetch(`${suite.server.url}/readyz`)).status).toBe(200);
        const visit = () => fetch(`${suite.server?.url}/visits/home`, { method: 'POST' });
        expect(await (await visit()).json()).toEqual({ page: 'home', visits: 1 });
        expect(await (await visit()).json()).toEqual({ page: 'home', visits: 2 });
        expect(await suite.server.stop()).toBe(0);
        suite.server = undefined;
      },
      minutes(1),
    );

    it(
      'the built cache service stops at start-up when CACHE_URL names no server, saying so without the password',
      async () => {
        const run = await runCommand('node', ['apps/tally/dist/index.js'], suite.root(), {
          ...builtServiceEnv,
          CACHE_URL: 'redis://:sentinel-password@127.0.0.1:1',
        });
        expect(run.code).not.toBe(0);
        expect(run.output).toContain('the cache at CACHE_URL (redis://127.0.0.1:1) did not answer');
        expect(run.output).not.toContain('sentinel-password');
      },
      minutes(1),
    );
  });

  describe('the package generator, end to end', () => {
    it(
      'writes a package whose tests and build pass, and that a service can import',
      async () => {
        const money = ['--name', 'money', '--description', 'Money amounts in minor units.'];
        const gen = ['run', 'gen', '--workspace', '@slipway/generators', '--'];
        const generate = await npm([...gen, 'package', '--', ...money]);
        expect(generate.code, generate.output).toBe(0);
        expect(existsSync(join(suite.root(), 'node_modules/@slipway/money/package.json'))).toBe(
          true,
        );

        const billingPackage = join(suite.root(), 'apps/billing/package.json');
        const pkg = JSON.parse(readFileSync(billingPackage, 'utf8'));
        pkg.dependencies['@slipway/money'] = '*';
        writeFileSync(billingPackage, `${JSON.stringify(pkg, null, 2)}\n`);
        writeFileSync(
          join(suite.root(), 'apps/billing/src/money.test.ts'),
          `import { describe, expect, it } from 'vitest';
import { describeMoney } from '@slipway/money';

describe('billing uses @slipway/money', () => {
  it('imports the shared package from the workspace', () => {
    expect(describeMoney().name).toBe('@slipway/money');
  });
});
`,
        );
        const link = await npm(['install', '--offline', '--no-audit', '--no-fund']);
        expect(link.code, link.output).toBe(0);
        const run = await turbo(
          ['typecheck', 'lint', 'test', 'build'],
          ['@slipway/money', 'billing'],
        );
        expect(run.code, failedTaskLogs(run.output)).toBe(0);
        expect(existsSync(join(suite.root(), 'packages/money/dist/index.js'))).toBe(true);
        expect(run.output).toMatch(/billing:test:.*money\.test\.ts/s);
      },
      minutes(10),
    );
  });

  describe('rename-service, end to end', () => {
    it(
      'renames a scaffolded service: no trace of its old name, and it and its caller pass their checks',
      async () => {
        const args = ['rename-service', 'ledger', 'journal', '--', '--replace-data'];
        const rename = await npm(['run', 'gen', '--', ...args]);
        expect(rename.code, rename.output).toBe(0);
        expect(rename.output).toContain('Next steps:');
        const traces = sourceFilesUnder(join(suite.root(), 'apps/journal')).flatMap((path) =>
          readFileSync(path, 'utf8')
            .split('\n')
            .filter((line) => /\bledger\b/i.test(line))
            .map((line) => `${path}: ${line.trim()}`),
        );
        expect(traces).toEqual([]);
        const run = await turbo(['typecheck', 'lint', 'test'], ['journal', 'gateway']);
        expect(run.code, failedTaskLogs(run.output)).toBe(0);
        expect(run.output).toMatch(/journal:test:.*hello\.test\.ts/s);
        expect(run.output).toMatch(/journal:test: .*api-fuzz: journal passed \(\d+ requests/);
        expect(run.output).toMatch(/gateway:test:.*journal-client\.test\.ts/s);
      },
      minutes(10),
    );
  });
});
