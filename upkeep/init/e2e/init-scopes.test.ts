import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { failedTaskLogs, minutes, repoRoot, useRepoCopy } from '@slipway/generators/testing';
import { defaultProductName, readPlatformFile } from '@slipway/platform-contract';
import { commitAsFork, shareTemplateTools } from './fork-support.ts';

// `npm run init` under scopes that sort before the template's dependencies (`@acme` <
// `@hono`), after them (`@zz-platform`), and one too long to be a product name as it is: the
// renamed tree must pass its checks whatever the spelling, and name the template nowhere but
// where docs/forking.md says it stays.
const alreadyInitialized = readPlatformFile(repoRoot).initialized;

/** Where docs/forking.md says the template's lowercase name stays after init. */
const keepsTemplateName = new Set(['docs/forking.md']);
const template = /slipway/i;

/** Files of a tree that still name the template in lowercase or CI spelling, with their lines. */
function findTemplateName(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (
        ['node_modules', 'dist', '.turbo', '.git', 'coverage', '.test-results'].includes(entry.name)
      )
        continue;
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      if (template.test(entry.name) && !/Slipway/.test(entry.name)) found.push(`${path} (name)`);
      const bytes = readFileSync(join(root, path));
      if (bytes.includes(0) || keepsTemplateName.has(path)) continue;
      bytes
        .toString('utf8')
        .split('\n')
        .forEach((line, index) => {
          // "Slipway" in prose names where the platform came from, as docs/forking.md says.
          if (/slipway|SLIPWAY/.test(line)) found.push(`${path}:${index + 1}: ${line.trim()}`);
        });
    }
  };
  walk('');
  return found;
}

interface ScopeCase {
  readonly scope: string;
  readonly cloud: 'aws' | 'gcp' | 'azure';
  /** `full`: every workspace's typecheck, lint and tests; `checks`: typecheck, lint and the generators' tests. */
  readonly run: 'full' | 'checks';
}

const cases: readonly ScopeCase[] = [
  { scope: '@zz-platform', cloud: 'aws', run: 'full' },
  { scope: '@acme', cloud: 'gcp', run: 'checks' },
  { scope: '@northwind-traders-platform-engineering', cloud: 'azure', run: 'checks' },
];

describe.skipIf(alreadyInitialized).each(cases)(
  'npm run init -- --scope $scope, then its checks ($run)',
  ({ scope, cloud, run }) => {
    const suite = useRepoCopy();
    const product = defaultProductName(scope);
    beforeAll(() => {
      commitAsFork(suite.root());
    }, minutes(2));

    it(
      'renames every name, prints them one a line, and the next steps',
      async () => {
        const init = await suite.npm([
          'run',
          'init',
          '--',
          '--scope',
          scope,
          '--registry',
          'ghcr.io/acme',
          '--cloud',
          cloud,
        ]);
        expect(init.code, init.output).toBe(0);
        expect(init.output).toContain(`    product name     slipway → ${product}`);
        const note = `product "${product}" derived from scope ${scope} (pass --product to choose)`;
        if (product === scope.slice(1)) expect(init.output).not.toContain('derived from scope');
        else expect(init.output).toContain(note);
        expect(init.output).toMatch(/Files rewritten: \d+ \(/);
        expect(init.output).toContain('Next steps:');
        expect(init.output).toContain(`${product}-platform: dev, staging, prod`);
        expect(readPlatformFile(suite.root())).toMatchObject({
          scope,
          cloud,
          repository: 'acme/platform',
          initialized: true,
        });
        expect(findTemplateName(suite.root())).toEqual([]);
      },
      minutes(5),
    );

    it(
      'renders the dev environment under the new names',
      async () => {
        const out = mkdtempSync(join(tmpdir(), 'init-render-'));
        const render = await suite.npm(['run', 'render', '--', '--stack', 'dev', '--out', out]);
        const services =
          render.code === 0 ? readFileSync(join(out, 'services/orders.yaml'), 'utf8') : '';
        rmSync(out, { recursive: true, force: true });
        expect(render.code, render.output).toBe(0);
        expect(services).toContain(`namespace: ${product}-dev`);
        expect(services).toContain(`app.kubernetes.io/part-of: ${product}`);
        expect(services).toContain(`/var/run/secrets/${product}`);
      },
      minutes(3),
    );

    it(
      run === 'full'
        ? "passes every workspace's typecheck, lint and tests"
        : 'passes typecheck, lint and the generator checks',
      async () => {
        shareTemplateTools(product);
        const install = await suite.npm(['install', '--offline', '--no-audit', '--no-fund']);
        expect(install.code, install.output).toBe(0);
        const checks =
          run === 'full'
            ? await suite.turbo(['typecheck', 'lint', 'test'], [], 2)
            : await suite.turbo(['typecheck', 'lint'], [], 2);
        expect(checks.code, failedTaskLogs(checks.output)).toBe(0);
        if (run === 'checks') {
          const generators = await suite.turbo(['test'], [`${scope}/generators`], 2);
          expect(generators.code, failedTaskLogs(generators.output)).toBe(0);
        }
      },
      minutes(run === 'full' ? 25 : 10),
    );
  },
);
