import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryFiles } from '@slipway/platform-contract';
import { isCommitSha, nullSha } from './commit-sha.ts';
import { owningWorkspace, workspaceClosure } from './dependency-graph.ts';
import { commitExists, changedFiles as gitChangedFiles } from './git.ts';
import { matchesPattern } from './path-pattern.ts';
import { type DeployableService, listServices } from './services.ts';
import { readWorkspaces, type Workspace } from './workspaces.ts';

/**
 * Files outside any workspace that go into every image: the root manifests and lockfile the
 * pruned install reads, the shared TypeScript config, and the image recipe itself. A change to
 * one of them rebuilds every service. turbo.json's `globalDependencies` are added to these.
 */
const imageGlobalInputs: readonly string[] = [
  'package.json',
  'package-lock.json',
  '.npmrc',
  'turbo.json',
  'tsconfig.base.json',
  '.dockerignore',
  'docker/**',
];

/** Inputs of {@link selectAffectedServices}: the repository's shape and the changed files. */
export interface AffectedInput {
  readonly workspaces: readonly Workspace[];
  readonly services: readonly DeployableService[];
  readonly changedFiles: readonly string[];
  /** Patterns whose change affects every service. Default: {@link imageGlobalInputs}. */
  readonly globalInputs?: readonly string[];
}

/** Which services a change affects, and why each one is in the list. */
export interface AffectedServices {
  /** Names of the affected services, sorted. */
  readonly changed: string[];
  /** For each affected service, the files or workspaces that put it there. */
  readonly reasons: Record<string, string[]>;
}

/** A service's template record (`npm run sync` moves it forward): never part of an image. */
export const bookkeepingPattern = `**/${repositoryFiles.templateRecord}`;

function isBookkeeping(file: string): boolean {
  return matchesPattern(file, bookkeepingPattern);
}

/**
 * The services a set of changed files affects: a file inside a service's folder, inside any
 * workspace the service depends on (directly or transitively, through any dependency field, as
 * turbo's package graph links them), or matching a global input. Files elsewhere (docs,
 * workflows, infra) affect no image.
 * @example selectAffectedServices({ workspaces, services, changedFiles: ['docs/x.md'] }).changed // []
 */
export function selectAffectedServices({
  workspaces,
  services,
  changedFiles,
  globalInputs = imageGlobalInputs,
}: AffectedInput): AffectedServices {
  const touchedWorkspaces = new Map<string, string[]>();
  const globalHits: string[] = [];
  for (const file of changedFiles.filter((f) => !isBookkeeping(f))) {
    const owner = owningWorkspace(workspaces, file);
    if (owner) {
      touchedWorkspaces.set(owner.name, [...(touchedWorkspaces.get(owner.name) ?? []), file]);
    } else if (globalInputs.some((pattern) => matchesPattern(file, pattern))) {
      globalHits.push(file);
    }
  }
  const reasons: Record<string, string[]> = {};
  for (const service of services) {
    const why: string[] = globalHits.map((file) => `global input ${file}`);
    for (const file of touchedWorkspaces.get(service.packageName) ?? []) why.push(file);
    for (const dep of [...workspaceClosure(workspaces, service.packageName)].sort()) {
      if (touchedWorkspaces.has(dep)) why.push(`depends on ${dep}`);
    }
    if (why.length > 0) reasons[service.name] = why;
  }
  return { changed: Object.keys(reasons).sort(), reasons };
}

/** Options for {@link detectChangedServices}. */
export interface DetectOptions {
  readonly root: string;
  /** The last deployed commit; absent, all-zero or unknown means "everything changed". */
  readonly base?: string;
  /** The commit being deployed. Default: `HEAD`. */
  readonly head?: string;
}

/** The outcome of change detection between two commits. */
export interface ChangeDetection extends AffectedServices {
  /** Every service in the repository at `head`, sorted. */
  readonly services: string[];
  /** How the list was decided. */
  readonly mode: 'diff' | 'no-base' | 'unknown-base';
  readonly changedFiles: string[];
}

function readTurboGlobals(root: string): string[] {
  const file = join(root, 'turbo.json');
  if (!existsSync(file)) return [];
  const turbo = JSON.parse(readFileSync(file, 'utf8')) as { globalDependencies?: unknown };
  return Array.isArray(turbo.globalDependencies)
    ? turbo.globalDependencies.filter((item): item is string => typeof item === 'string')
    : [];
}

/**
 * Every pattern outside the workspaces whose change affects every image: {@link imageGlobalInputs}
 * plus turbo.json's `globalDependencies` of this repository.
 * @example imageGlobalPatterns(root) // ['package.json', …, 'tsconfig.base.json', 'biome.json']
 */
export function imageGlobalPatterns(root: string): string[] {
  return [...imageGlobalInputs, ...readTurboGlobals(root)];
}

/**
 * Works out which services changed between two commits of a repository, reading the workspace
 * graph from package.json files (offline, no install needed). Without a usable base (first
 * push, all-zero `before`, a commit the clone does not have) every service counts as changed.
 * @example detectChangedServices({ root, base: before, head: sha }).changed // ['orders']
 */
export function detectChangedServices({
  root,
  base,
  head = 'HEAD',
}: DetectOptions): ChangeDetection {
  const workspaces = readWorkspaces(root);
  const services = listServices(root, workspaces);
  const names = services.map((s) => s.name);
  const everything = (mode: ChangeDetection['mode']): ChangeDetection => ({
    services: names,
    changed: names,
    reasons: Object.fromEntries(names.map((n) => [n, [`no usable base commit (${mode})`]])),
    mode,
    changedFiles: [],
  });
  if (!base || base === nullSha) return everything('no-base');
  if (!isCommitSha(base) || !commitExists(root, base)) return everything('unknown-base');
  const files = gitChangedFiles(root, base, head);
  const affected = selectAffectedServices({
    workspaces,
    services,
    changedFiles: files,
    globalInputs: imageGlobalPatterns(root),
  });
  return { services: names, ...affected, mode: 'diff', changedFiles: files };
}
