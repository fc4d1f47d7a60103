import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  type Dirent,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { serviceManifestPath } from '@slipway/platform-contract';

/** A temporary copy of a repository, installed and ready to run its scripts. */
export interface RepoCopy {
  readonly root: string;
  /** How long `npm install --offline` took in the copy, in ms (0 when not installed). */
  readonly installMs: number;
  /** Deletes the copy. */
  remove(): void;
}

/** Options for {@link copyRepository}. */
export interface CopyOptions {
  /**
   * How the copy gets its `node_modules`: `hard-link` makes them the copy's own and runs
   * `npm install --offline` in it, the honest check of its links; `symlink` points at the
   * source's, in well under a second, for runs that only generate: nothing may then be
   * installed or written into them. Default: `hard-link`.
   */
  readonly nodeModules?: 'hard-link' | 'symlink';
  /**
   * Copy only these services of `apps/`, with calls to and from the others dropped from their
   * manifests: tests that name services of their own stay valid after a team adds services.
   * Default: every service.
   */
  readonly services?: readonly string[];
}

function isLeftOut(file: string, services: readonly string[] | undefined): boolean {
  const service = /^apps\/([^/]+)\//.exec(file)?.[1];
  return services !== undefined && service !== undefined && !services.includes(service);
}

/**
 * Drops the calls to and from services the copy does not hold, keeping the file's formatting.
 * A manifest that is not valid YAML is copied as it is: the copy then shows the repository's
 * own state, and the manifest loader names the problem.
 */
function keepCallsAmong(manifestPath: string, services: readonly string[]): void {
  const document = parseDocument(readFileSync(manifestPath, 'utf8'));
  if (document.errors.length > 0) return;
  for (const key of ['calls', 'calledBy']) {
    const names = document.get(key);
    if (names && typeof names === 'object' && 'items' in names && Array.isArray(names.items)) {
      names.items = names.items.filter((item: unknown) =>
        services.includes(String((item as { value?: unknown }).value ?? item)),
      );
    }
  }
  writeFileSync(manifestPath, document.toString());
}

const skipped = new Set(['.git', 'node_modules', 'dist', '.turbo', 'coverage', '.test-results']);

/** The repository's own files: tracked and untracked-but-not-ignored, as git sees them. */
function listSourceFiles(source: string): string[] {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: source,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (git.status === 0)
    return git.stdout.split('\0').filter((f) => f !== '' && existsSync(join(source, f)));
  const walk = (dir: string): string[] =>
    readdirSync(join(source, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) return skipped.has(entry.name) ? [] : walk(path);
      return [path];
    });
  return walk('');
}

/** Every `node_modules` folder of the repository (the root's and the workspaces' own). */
function listModuleFolders(source: string, dir = ''): string[] {
  return readdirSync(join(source, dir), { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory()) return [];
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.name === 'node_modules') return [path];
    return skipped.has(entry.name) || entry.name.startsWith('.')
      ? []
      : listModuleFolders(source, path);
  });
}

/** Caches tools write, rename and delete while they run: never part of a copy. */
const transientCaches = new Set(['.vite', '.vitest', '.cache']);

/**
 * Hard-links a folder tree with Node, entry by entry: transient caches are left out, and an
 * entry that vanishes while it is read (a cache another process is rewriting) is skipped.
 */
function walkLinks(from: string, to: string): void {
  mkdirSync(to);
  let entries: Dirent[];
  try {
    entries = readdirSync(from, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    if (entry.isDirectory() && transientCaches.has(entry.name)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    try {
      if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
      else if (entry.isDirectory()) walkLinks(source, target);
      else linkSync(source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/**
 * Hard-links a folder tree: fast, and the copy's own files are replaced, never edited, by npm.
 * It is built in a fresh folder beside `to` and renamed into place, so a failed attempt never
 * leaves a half-made tree for the next one to run into: `cp -al` first (fast), and when it
 * fails (an entry vanished under it, as caches do while other tests run) its partial tree goes
 * and the Node walk, which skips what vanishes, makes it again.
 */
function linkTree(from: string, to: string): void {
  const scratch = mkdtempSync(`${to}.linking-`);
  try {
    const fresh = join(scratch, 'tree');
    const cp = spawnSync('cp', ['-al', from, fresh]);
    if (cp.status !== 0) {
      rmSync(fresh, { recursive: true, force: true });
      walkLinks(from, fresh);
    }
    renameSync(fresh, to);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Makes the hard-linked `node_modules` of a copy its own where tools rewrite files in place. */
function ownRewrittenFiles(source: string, root: string, folders: readonly string[]): void {
  const hidden = join('node_modules', '.package-lock.json');
  if (existsSync(join(source, hidden))) {
    rmSync(join(root, hidden), { force: true });
    copyFileSync(join(source, hidden), join(root, hidden));
  }
  for (const folder of folders) {
    for (const cache of transientCaches) {
      rmSync(join(root, folder, cache), { recursive: true, force: true });
    }
  }
}

/**
 * Copies a repository to a temporary folder for end-to-end tests and the scaffold benchmark:
 * its files are copied; its `node_modules` are hard-linked (seconds instead of minutes), then
 * the files tools rewrite in place (npm's hidden lockfile, test caches) are made the copy's
 * own, and `npm install --offline` relinks the workspaces inside the copy. With
 * `nodeModules: 'symlink'` the `node_modules` are links to the source's and nothing is
 * installed: enough to generate into.
 * @example const copy = await copyRepository(repoRoot); try { ... } finally { copy.remove(); }
 */
export function copyRepository(
  source: string,
  { nodeModules = 'hard-link', services }: CopyOptions = {},
): RepoCopy {
  const root = mkdtempSync(join(tmpdir(), 'slipway-copy-'));
  const remove = () => rmSync(root, { recursive: true, force: true });
  try {
    for (const file of listSourceFiles(source).filter((f) => !isLeftOut(f, services))) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      if (lstatSync(join(source, file)).isSymbolicLink()) {
        symlinkSync(readlinkSync(join(source, file)), join(root, file));
      } else copyFileSync(join(source, file), join(root, file));
    }
    for (const service of services ?? []) {
      const manifest = join(root, serviceManifestPath(service));
      if (existsSync(manifest)) keepCallsAmong(manifest, services ?? []);
    }
    const folders = listModuleFolders(source).filter((f) => !isLeftOut(f, services));
    for (const folder of folders) {
      mkdirSync(dirname(join(root, folder)), { recursive: true });
      if (nodeModules === 'symlink') symlinkSync(join(source, folder), join(root, folder));
      else linkTree(join(source, folder), join(root, folder));
    }
    let installMs = 0;
    if (nodeModules === 'hard-link') {
      ownRewrittenFiles(source, root, folders);
      const started = performance.now();
      execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund'], {
        cwd: root,
        stdio: 'ignore',
      });
      installMs = Math.round(performance.now() - started);
    }
    return { root, installMs, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
