import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listWorkspaceDirs } from '@slipway/platform-contract';
import { scriptsRepoRoot } from '../src/repo-root.ts';

// One name, one meaning: a name two workspaces export for different things (`serviceUrl` once
// meant three) reads as one term and is not. A shared term belongs to its owner, imported.
const root = scriptsRepoRoot(import.meta.dirname);

/**
 * Names exported by more than one workspace on purpose, or still to be resolved elsewhere; each
 * with why. Services are left out altogether: they share the template's shape by design.
 */
const knownClashes: Readonly<Record<string, string>> = {
  clusterName: "each cluster program's stack output, read by the platform stack by this name",
  kubeconfig: "each cluster program's stack output, read by the platform stack by this name",
  workloadIdentity: "each cluster program's stack output, named in clusterOutputNames",
  gatewayLoadBalancer: "each cluster program's stack output, named in clusterOutputNames",
  dataNetwork: "each cluster program's stack output, named in clusterOutputNames",
  testEngines:
    "each data package's test engines (@slipway/database/testing, @slipway/cache/testing): one shape, so a service's tests read alike",
  defaultKubernetesVersion: 'each cluster program pins its own (shared by the render work)',
  readClusterConfig: "each cluster program's own config (shared by the render work)",
  RecordedResource: 'the render paths, given one owner by the render work',
  RenderedObject: 'the render paths, given one owner by the render work',
  maskSecrets: 'the render paths, given one owner by the render work',
  maskedSecret: 'the render paths, given one owner by the render work',
  promiseOf: 'the render paths, given one owner by the render work',
  RunOptions: 'generator runs, rewritten by the generators-as-plans work',
  RunResult: 'generator runs, rewritten by the generators-as-plans work',
  runStateKey: 'generator runs, rewritten by the generators-as-plans work',
  freePort: "the template's own upkeep (bench, cluster tests), moved apart",
  repoRoot: "the template's own upkeep (bench, cluster tests), moved apart",
};

const isSource = (file: string) =>
  /\.ts$/.test(file) &&
  !/\.(test|d)\.ts$/.test(file) &&
  !/(^|\/)(test|e2e|templates|fixtures)\//.test(file);

/** Each exported declaration's name, with the workspaces that declare it. */
function exportedNames(): Map<string, Set<string>> {
  const workspaces = listWorkspaceDirs(root).filter((dir) => !dir.startsWith('apps/'));
  const tracked = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  }).stdout.split('\n');
  const names = new Map<string, Set<string>>();
  for (const file of tracked.filter(isSource)) {
    const workspace = workspaces.find((dir) => file.startsWith(`${dir}/`));
    if (workspace === undefined) continue;
    const text = readFileSync(join(root, file), 'utf8');
    const declared = text.matchAll(
      /^export (?:declare )?(?:abstract )?(?:async )?(?:const|let|function\*?|class|interface|type|enum) (\w+)/gm,
    );
    for (const [, name] of declared) {
      if (name === undefined) continue;
      names.set(name, (names.get(name) ?? new Set()).add(workspace));
    }
  }
  return names;
}

describe('exported names', () => {
  const names = exportedNames();

  it('finds the exports of the workspaces', () => {
    expect(names.get('serviceEnvironment')).toEqual(new Set(['packages/platform-contract']));
  });

  it('mean one thing each: no two workspaces export one name, but those listed', () => {
    const clashes = [...names]
      .filter(([name, workspaces]) => workspaces.size > 1 && !(name in knownClashes))
      .map(([name, workspaces]) => `${name}: ${[...workspaces].sort().join(', ')}`);
    expect(clashes).toEqual([]);
  });
});
