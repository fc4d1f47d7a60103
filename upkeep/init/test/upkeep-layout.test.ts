import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { leaveOutUpkeep, upkeepFolder } from '../src/leave-out-upkeep.ts';

// The template keeps what only maintains it in upkeep/, and a fork must work without it: these
// check it on the template itself, in seconds, what the init end-to-end suite proves in a copy.
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const readJson = (path: string) => JSON.parse(read(path)) as Record<string, unknown>;

/** The repository's files as git sees them: tracked, and new ones not ignored. */
const repositoryFiles = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
  cwd: repoRoot,
  encoding: 'utf8',
})
  .split('\n')
  .filter((path) => path !== '' && existsSync(join(repoRoot, path)));

const rootPackage = readJson('package.json') as {
  workspaces: string[];
  scripts: Record<string, string>;
};

describe('upkeep/', () => {
  it.each([
    ['the benchmarks', 'bench/package.json'],
    ['the cluster tools: Go modules, versions and their build', 'cluster-tools/versions.env'],
    ['the cluster tools: Go modules, versions and their build', 'cluster-tools/build.sh'],
    ['the cluster tools: Go modules, versions and their build', 'cluster-tools/kubernetes/go.mod'],
    ['the cluster suite', 'cluster-tests/package.json'],
    ['init and its rename engine', 'init/src/init-generator.ts'],
    ['init and its rename engine', 'init/src/product-rename.ts'],
  ])('holds %s (%s)', (_what, path) => {
    expect(existsSync(join(repoRoot, upkeepFolder, path))).toBe(true);
  });

  it('is where the root scripts of the template alone point', () => {
    for (const name of ['init', 'bench', 'test:cluster'])
      expect(rootPackage.scripts[name]).toContain(`${upkeepFolder}/`);
    expect(rootPackage.workspaces.filter((dir) => dir.startsWith(`${upkeepFolder}/`))).toEqual([
      'upkeep/bench',
      'upkeep/cluster-tests',
      'upkeep/init',
    ]);
  });

  it('is depended on by no workspace outside it: upkeep uses the product, never the reverse', () => {
    const manifests = repositoryFiles.filter((path) => path.endsWith('package.json'));
    const upkeepNames = manifests
      .filter((path) => path.startsWith(`${upkeepFolder}/`))
      .map((path) => readJson(path).name);
    const dependents = manifests
      .filter((path) => !path.startsWith(`${upkeepFolder}/`))
      .flatMap((path) => {
        const pkg = readJson(path) as Record<string, Record<string, string> | undefined>;
        const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
        return names.filter((name) => upkeepNames.includes(name)).map((name) => `${path}: ${name}`);
      });
    expect(dependents).toEqual([]);
  });

  it('is named nowhere in what init leaves of the template, but in docs/forking.md', () => {
    const { files, removals } = leaveOutUpkeep(repoRoot, []);
    const forked = new Map(files.map((file) => [file.path, file.content]));
    const removed = (path: string) =>
      removals.some((gone) => path === gone || path.startsWith(`${gone}/`));
    const mentions = repositoryFiles
      // npm rewrites the lockfile when init relinks; the guide describes what init does.
      .filter((path) => !removed(path) && !['package-lock.json', 'docs/forking.md'].includes(path))
      .filter((path) => (forked.get(path) ?? read(path)).includes(`${upkeepFolder}/`));
    expect(mentions).toEqual([]);
  });
});
