import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServiceManifests } from '@slipway/service-manifest';
import { readPlatformConfig } from '../src/shared/platform-config.js';
import { copyRepository, type RepoCopy } from '../src/testing/repo-copy.js';
import { hashTree } from '../test/helpers/fixture-repo.js';
import { runCommand, type StartedServer, startServer } from '../test/helpers/run-command.js';

// End to end in temporary copies of this repository. Slow by nature (each step runs real
// npm, turbo, tsc, vitest and biome), hence the generous timeouts. Two copies: one where
// services and a package are scaffolded, built, tested and started; and a pristine one for
// `init`, which runs once on a fresh template.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const minutes = (n: number) => n * 60_000;
// The copies hold the example services only, so the names these tests scaffold (billing,
// ledger) stay free whatever services the repository has grown.
const exampleServices = ['gateway', 'orders'];
let copy: RepoCopy;
let server: StartedServer | undefined;

// A fork of the template has already run init: its init test has nothing left to prove.
const alreadyInitialized = readPlatformConfig(repoRoot).initialized;

/** Copies and installs the repository before a group of tests, and removes it after them. */
function useCopy() {
  beforeAll(() => {
    copy = copyRepository(repoRoot, { services: exampleServices });
    console.info(
      `e2e: repository copied and installed (npm install --offline: ${copy.installMs} ms)`,
    );
  }, minutes(5));
  afterAll(async () => {
    await server?.stop();
    copy?.remove();
  });
}

const npm = (args: string[], cwd = copy.root) => runCommand('npm', args, cwd);
const turbo = (tasks: string[], filters: string[], concurrency = 10) =>
  runCommand(
    'npx',
    [
      'turbo',
      'run',
      ...tasks,
      '--continue',
      `--concurrency=${concurrency}`,
      ...filters.map((f) => `--filter=${f}`),
    ],
    copy.root,
  );

describe('in a copy of the repository: services and a package', () => {
  useCopy();

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
          join(copy.root, 'apps/orders'),
        );
        expect(run.code, run.output).toBe(0);
        expect(run.output).toContain('Next steps:');
        expect(readdirSync(join(copy.root, 'apps/billing/src'))).toContain('app.ts');
        expect(existsSync(join(copy.root, 'node_modules/billing/package.json'))).toBe(true);
        expect(readFileSync(join(copy.root, 'package-lock.json'), 'utf8')).toContain(
          '"apps/billing"',
        );
        const orders = loadServiceManifests(copy.root).find((s) => s.name === 'orders');
        expect(orders?.calledBy).toContain('billing');
      },
      minutes(3),
    );

    it(
      'with --yes, scaffolds one with every default: the next free port, internal, no calls',
      async () => {
        const run = await npm(['create', '@slipway/service', '--', '--name', 'ledger', '--yes']);
        expect(run.code, run.output).toBe(0);
        const ledger = loadServiceManifests(copy.root).find((s) => s.name === 'ledger');
        expect(ledger).toMatchObject({ port: 3005, public: false, calls: [], calledBy: [] });
      },
      minutes(3),
    );

    it(
      'the new services typecheck, lint, pass their own tests and build through turbo',
      async () => {
        const run = await turbo(['typecheck', 'lint', 'test', 'build'], ['billing', 'ledger']);
        expect(run.code, run.output).toBe(0);
        expect(run.output).toMatch(/billing:test:.*Tests\s+\d+ passed/s);
        // Its API was fuzzed from its own /openapi.json, with no edit after scaffolding.
        expect(run.output).toMatch(/billing:test: .*api-fuzz: billing passed \(\d+ requests/);
        expect(run.output).toMatch(/ledger:test: .*api-fuzz: ledger passed \(\d+ requests/);
        expect(existsSync(join(copy.root, 'apps/billing/dist/index.js'))).toBe(true);
      },
      minutes(10),
    );

    it(
      'the built service starts and answers /livez and /readyz with 200',
      async () => {
        server = await startServer('apps/billing/dist/index.js', copy.root, {
          PORT: '0',
          HOST: '127.0.0.1',
          NODE_ENV: 'production',
          SHUTDOWN_DRAIN_MS: '0',
        });
        expect((await fetch(`${server.url}/livez`)).status).toBe(200);
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
        const hello = await fetch(`${server.url}/hello?name=Ada`);
        expect(await hello.json()).toEqual({ message: 'Hello, Ada!', service: 'billing' });
        expect(await server.stop()).toBe(0);
        server = undefined;
      },
      minutes(1),
    );
  });

  describe('the package generator, end to end', () => {
    it(
      'writes a package whose tests and build pass, and that a service can import',
      async () => {
        const generate = await npm([
          'run',
          'gen',
          '--workspace',
          '@slipway/generators',
          '--',
          'package',
          '--',
          '--name',
          'money',
          '--description',
          'Money amounts in minor units.',
        ]);
        expect(generate.code, generate.output).toBe(0);
        expect(existsSync(join(copy.root, 'node_modules/@slipway/money/package.json'))).toBe(true);

        const billingPackage = join(copy.root, 'apps/billing/package.json');
        const pkg = JSON.parse(readFileSync(billingPackage, 'utf8'));
        pkg.dependencies['@slipway/money'] = '*';
        writeFileSync(billingPackage, `${JSON.stringify(pkg, null, 2)}\n`);
        writeFileSync(
          join(copy.root, 'apps/billing/src/money.test.ts'),
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
        expect(run.code, run.output).toBe(0);
        expect(existsSync(join(copy.root, 'packages/money/dist/index.js'))).toBe(true);
        expect(run.output).toMatch(/billing:test:.*money\.test\.ts/s);
      },
      minutes(10),
    );
  });
});

/** Package names, dependency names and import specifiers that still carry `scope`. */
function findScope(root: string, scope: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (['node_modules', 'dist', '.turbo', '.git'].includes(entry.name)) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'package.json') {
        const pkg = JSON.parse(readFileSync(join(root, path), 'utf8'));
        const names = [pkg.name, ...Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })];
        found.push(
          ...names.filter((n) => String(n).startsWith(`${scope}/`)).map((n) => `${path}: ${n}`),
        );
      } else if (/\.(ts|js|mjs)$/.test(entry.name)) {
        const text = readFileSync(join(root, path), 'utf8');
        const imports = text.match(
          new RegExp(`from '${scope}/[^']*'|import\\('${scope}/[^']*'\\)`, 'g'),
        );
        found.push(...(imports ?? []).map((i) => `${path}: ${i}`));
      }
    }
  };
  walk('');
  return found;
}

describe.skipIf(alreadyInitialized)('npm run init, end to end, in a pristine copy', () => {
  useCopy();
  // A fork is a git repository, and some of its tests ask git what changed.
  beforeAll(() => {
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', ...args], {
        cwd: copy.root,
      });
    git('init', '--quiet');
    git('add', '--all');
    git('commit', '--quiet', '--no-verify', '--message', 'fork of the template');
  }, minutes(2));

  it(
    'renames the scope everywhere, sets registry and cloud, removes the other clusters, and relinks',
    async () => {
      const run = await npm([
        'run',
        'gen',
        '--workspace',
        '@slipway/generators',
        '--',
        'init',
        '--',
        '--scope',
        '@acme',
        '--registry',
        'ghcr.io/acme',
        '--cloud',
        'gcp',
      ]);
      expect(run.code, run.output).toBe(0);
      expect(findScope(copy.root, '@slipway')).toEqual([]);
      expect(readPlatformConfig(copy.root)).toEqual({
        scope: '@acme',
        registry: 'ghcr.io/acme',
        cloud: 'gcp',
        initialized: true,
      });
      expect(existsSync(join(copy.root, 'infra/cluster-gke'))).toBe(true);
      expect(existsSync(join(copy.root, 'infra/cluster-eks'))).toBe(false);
      expect(existsSync(join(copy.root, 'infra/cluster-aks'))).toBe(false);
      expect(existsSync(join(copy.root, 'node_modules/@acme/service-kit/package.json'))).toBe(true);
      // npm removes the old links; an empty scope folder may stay behind.
      const oldLinks = join(copy.root, 'node_modules/@slipway');
      expect(existsSync(oldLinks) ? readdirSync(oldLinks) : []).toEqual([]);
    },
    minutes(5),
  );

  it(
    'leaves a repository whose install and tests pass',
    async () => {
      const install = await npm(['install', '--offline', '--no-audit', '--no-fund']);
      expect(install.code, install.output).toBe(0);
      // Every workspace's typecheck, lint and tests; only `test:e2e`, this suite, is left out
      // (it would start itself again in the copy). Two tasks at a time: this runs beside the
      // repository's own tests on a small machine, and the server tests have deadlines.
      const run = await turbo(['typecheck', 'lint', 'test'], [], 2);
      expect(run.code, run.output).toBe(0);
      expect(run.output).toMatch(/@acme\/generators:test:.*Tests\s+\d+ passed/s);
    },
    minutes(15),
  );

  it(
    'scaffolds services under the new name: npm create @acme/service',
    async () => {
      const created = await npm(['create', '@acme/service', '--', '--name', 'billing', '--yes']);
      expect(created.code, created.output).toBe(0);
      const pkg = JSON.parse(readFileSync(join(copy.root, 'apps/billing/package.json'), 'utf8'));
      expect(pkg.dependencies).toHaveProperty('@acme/service-kit', '*');
      const run = await turbo(['typecheck', 'lint', 'test'], ['billing']);
      expect(run.code, run.output).toBe(0);
    },
    minutes(5),
  );

  it(
    'refuses to run a second time and changes no byte',
    async () => {
      const before = hashTree(copy.root);
      const run = await npm([
        'run',
        'gen',
        '--workspace',
        '@acme/generators',
        '--',
        'init',
        '--',
        '--scope',
        '@beta',
        '--registry',
        'ghcr.io/beta',
        '--cloud',
        'aws',
      ]);
      expect(run.output).toContain('This repository was already initialized');
      expect(run.code).not.toBe(0);
      expect(hashTree(copy.root)).toBe(before);
    },
    minutes(2),
  );
});
