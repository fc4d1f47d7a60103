import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  failedTaskLogs,
  hashTree,
  minutes,
  repoRoot,
  useRepoCopy,
} from '@slipway/generators/testing';
import { readPlatformFile } from '@slipway/platform-contract';
import { commitAsFork, shareTemplateTools } from './fork-support.ts';

// In a pristine copy, `init` runs once on a fresh template.
// A fork of the template has already run init: its init test has nothing left to prove.
const alreadyInitialized = readPlatformFile(repoRoot).initialized;

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

/** Files of a tree (installed, built and git folders aside) whose text matches `pattern`. */
function findMentions(root: string, pattern: RegExp): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (['node_modules', 'dist', '.turbo', '.git', '.test-results'].includes(entry.name))
        continue;
      if (entry.isDirectory()) walk(path);
      else if (pattern.test(readFileSync(join(root, path), 'utf8'))) found.push(path);
    }
  };
  walk('');
  return found;
}

describe.skipIf(alreadyInitialized)('npm run init, end to end, in a pristine copy', () => {
  const suite = useRepoCopy();
  const npm = suite.npm;
  const turbo = suite.turbo;
  // A fork is a git repository, and some of its tests ask git what changed.
  beforeAll(() => {
    commitAsFork(suite.root());
  }, minutes(2));

  it(
    'renames the scope everywhere, sets registry and cloud, removes the other clusters, and relinks',
    async () => {
      const run = await npm([
        'run',
        'init',
        '--',
        '--scope',
        '@acme',
        '--registry',
        'ghcr.io/acme',
        '--cloud',
        'gcp',
        '--repository',
        'acme/acme-platform',
      ]);
      expect(run.code, run.output).toBe(0);
      expect(findScope(suite.root(), '@slipway')).toEqual([]);
      expect(readPlatformFile(suite.root())).toEqual({
        scope: '@acme',
        registry: 'ghcr.io/acme',
        cloud: 'gcp',
        repository: 'acme/acme-platform',
        initialized: true,
      });
      // npm refuses provenance unless each published package names the repository publishing it.
      const published = readdirSync(join(suite.root(), 'packages'))
        .map((name) => `packages/${name}`)
        .map((dir) => ({
          dir,
          pkg: JSON.parse(readFileSync(join(suite.root(), dir, 'package.json'), 'utf8')),
        }))
        .filter(({ pkg }) => pkg.private !== true);
      expect(published.length).toBeGreaterThan(0);
      for (const { dir, pkg } of published) {
        expect(pkg.repository).toEqual({
          type: 'git',
          url: 'git+https://github.com/acme/acme-platform.git',
          directory: dir,
        });
      }
      expect(existsSync(join(suite.root(), 'infra/cluster-gke'))).toBe(true);
      expect(existsSync(join(suite.root(), 'infra/cluster-eks'))).toBe(false);
      expect(existsSync(join(suite.root(), 'infra/cluster-aks'))).toBe(false);
      // The other clouds' pages go with their programs, and the links to them with their blocks.
      expect(existsSync(join(suite.root(), 'docs/clusters/gke.md'))).toBe(true);
      expect(existsSync(join(suite.root(), 'docs/clusters/eks.md'))).toBe(false);
      const index = readFileSync(join(suite.root(), 'docs/clusters/README.md'), 'utf8');
      expect(index).toContain('- [GKE](gke.md)');
      expect(index).not.toMatch(/eks\.md|aks\.md|<!-- \/?cloud /);
      expect(existsSync(join(suite.root(), 'node_modules/@acme/service-kit/package.json'))).toBe(
        true,
      );
      // npm removes the old links; an empty scope folder may stay behind.
      const oldLinks = join(suite.root(), 'node_modules/@slipway');
      expect(existsSync(oldLinks) ? readdirSync(oldLinks) : []).toEqual([]);
    },
    minutes(5),
  );

  it("leaves the template's upkeep out: no upkeep/, nothing that points into it", () => {
    const root = suite.root();
    expect(existsSync(join(root, 'upkeep'))).toBe(false);
    expect(existsSync(join(root, '.github/workflows/e2e-kind.yml'))).toBe(false);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      workspaces: string[];
      scripts: Record<string, string>;
    };
    expect(pkg.workspaces.filter((dir) => dir.startsWith('upkeep'))).toEqual([]);
    for (const name of ['init', 'preinit', 'bench', 'test:cluster', 'pretest:cluster'])
      expect(pkg.scripts).not.toHaveProperty(name);
    // docs/forking.md, which init leaves as it is, describes what init removes.
    const mentions = findMentions(root, /upkeep\/|<!-- \/?upkeep -->|^\s*(#|\/\/) \/?upkeep\s*$/m);
    expect(mentions.filter((path) => path !== 'docs/forking.md')).toEqual([]);
  });

  it(
    'leaves a repository whose install and tests pass',
    async () => {
      const install = await npm(['install', '--offline', '--no-audit', '--no-fund']);
      expect(install.code, install.output).toBe(0);
      // CI's step before npm test: the services still follow the (renamed) templates.
      const sync = await npm(['run', '--silent', 'sync', '--', '--check']);
      expect(sync.code, sync.output).toBe(0);
      shareTemplateTools('acme');
      // Every workspace's typecheck, lint and tests; only `test:e2e`, this suite, is left out
      // (it would start itself again in the copy). Two tasks at a time: this runs beside the
      // repository's own tests on a small machine, and the server tests have deadlines.
      const run = await turbo(['typecheck', 'lint', 'test'], [], 2);
      expect(run.code, failedTaskLogs(run.output)).toBe(0);
      expect(run.output).toMatch(/@acme\/generators:test:.*Tests\s+\d+ passed/s);
    },
    minutes(15),
  );

  it(
    'scaffolds services under the new name: npm create @acme/service',
    async () => {
      const created = await npm(['create', '@acme/service', '--', '--name', 'billing', '--yes']);
      expect(created.code, created.output).toBe(0);
      const pkg = JSON.parse(readFileSync(join(suite.root(), 'apps/billing/package.json'), 'utf8'));
      expect(pkg.dependencies).toHaveProperty('@acme/service-kit', '*');
      const run = await turbo(['typecheck', 'lint', 'test'], ['billing']);
      expect(run.code, failedTaskLogs(run.output)).toBe(0);
    },
    minutes(5),
  );

  it(
    'leaves no init to run a second time, and a second try changes no byte',
    async () => {
      const before = hashTree(suite.root());
      const run = await npm(['run', 'init', '--', '--scope', '@beta']);
      expect(run.output).toContain('Missing script: "init"');
      expect(run.code).not.toBe(0);
      expect(hashTree(suite.root())).toBe(before);
    },
    minutes(2),
  );
});
