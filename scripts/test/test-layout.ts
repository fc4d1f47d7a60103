import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { listWorkspaceDirs } from '@slipway/platform-contract';

/**
 * Where tests live (CONTRIBUTING.md, "Where tests live"), as far as a machine can tell:
 * - a test sits in its workspace's `src/`, `test/`, or the folder its own turbo task runs
 *   (`e2e/` for `test:e2e`, `cluster/` for `test:cluster`), nowhere else;
 * - a test under `src/` is named after a module beside it (`x.test.ts` or `x.<topic>.test.ts`
 *   beside `x.ts` or `x.<part>.ts`, as a route group's `x.index.ts`);
 * - a file named `.test.ts` declares tests, and nothing imports it (a helper has another name).
 */

/** One workspace: its folder and the suite folders its `test:<folder>` scripts run. */
export interface WorkspaceTests {
  /** Repository-relative, forward slashes: `apps/orders`. */
  readonly dir: string;
  /** `e2e` for a `test:e2e` script, `cluster` for `test:cluster`. */
  readonly suiteFolders: readonly string[];
}

/** The repository as the checks see it: every file's path, and a way to read one. */
export interface RepositoryFiles {
  /** Repository-relative paths with forward slashes. */
  readonly paths: readonly string[];
  readonly read: (path: string) => string;
}

const testFile = /\.test\.[cm]?[jt]sx?$/;
const sourceFile = /\.[cm]?[jt]sx?$/;
// `it(`, `test.each<…>(`, `describe.skipIf(…)(`: a call of vitest's test API.
const declaresTest = /\b(?:it|test|describe)(?:\.\w+(?:\([^)]*\))?)*(?:<[^(]*>)?\(/;
const importedSpecifiers = /\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;

/** The name up to its first dot: `orders` for `orders.logs.test.ts` and `orders.index.ts`. */
function stem(path: string): string {
  return basename(path).split('.')[0] ?? '';
}

function workspaceOf(
  path: string,
  workspaces: readonly WorkspaceTests[],
): WorkspaceTests | undefined {
  return workspaces
    .filter((workspace) => path.startsWith(`${workspace.dir}/`))
    .sort((a, b) => b.dir.length - a.dir.length)[0];
}

function placeProblem(path: string, workspaces: readonly WorkspaceTests[]): string | undefined {
  const workspace = workspaceOf(path, workspaces);
  if (!workspace) return `${path}: a test outside every workspace of the root package.json`;
  const folder = path.slice(workspace.dir.length + 1).split('/')[0];
  const allowed = ['src', 'test', ...workspace.suiteFolders];
  if (path.slice(workspace.dir.length + 1).includes('/') && allowed.includes(folder ?? '')) {
    return undefined;
  }
  return `${path}: a test lives in ${allowed.map((f) => `${workspace.dir}/${f}/`).join(', ')}`;
}

function siblingProblem(path: string, paths: readonly string[]): string | undefined {
  const folder = dirname(path);
  const name = stem(path);
  const named = (other: string) =>
    dirname(other) === folder &&
    sourceFile.test(other) &&
    !testFile.test(other) &&
    stem(other) === name;
  if (paths.some(named)) return undefined;
  return `${path}: a test under src/ is named after a module beside it, and no ${name}.ts or ${name}.*.ts is there: name it after the module it tests, or move it to the workspace's test/`;
}

/**
 * Every way the files break the rule, one line each; `[]` when they keep it.
 * @example testLayoutProblems({ paths: ['apps/orders/lib/x.test.ts'], read }, workspaces)
 */
export function testLayoutProblems(
  files: RepositoryFiles,
  workspaces: readonly WorkspaceTests[],
): string[] {
  const problems: string[] = [];
  for (const path of files.paths.filter((p) => testFile.test(p))) {
    const place = placeProblem(path, workspaces);
    if (place) problems.push(place);
    const workspace = workspaceOf(path, workspaces);
    if (!place && workspace && path.startsWith(`${workspace.dir}/src/`)) {
      const sibling = siblingProblem(path, files.paths);
      if (sibling) problems.push(sibling);
    }
    if (!declaresTest.test(files.read(path))) {
      problems.push(`${path}: named like a test but declares none: give a helper another name`);
    }
  }
  for (const path of files.paths.filter((p) => sourceFile.test(p))) {
    for (const [, specifier] of files.read(path).matchAll(importedSpecifiers)) {
      if (specifier && /\.test(?:\.[cm]?[jt]sx?)?$/.test(specifier)) {
        problems.push(`${path}: imports the test file '${specifier}': share a helper instead`);
      }
    }
  }
  return problems;
}

const skippedFolders = new Set([
  'node_modules',
  '.git',
  'dist',
  '.turbo',
  '.test-results',
  'coverage',
]);

function listFiles(root: string, folder = ''): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return skippedFolders.has(entry.name) ? [] : listFiles(root, path);
    return entry.isFile() ? [path] : [];
  });
}

/** The repository's files on disk (not only git's: a new, untracked test counts too). */
export function readRepositoryFiles(root: string): RepositoryFiles {
  return { paths: listFiles(root), read: (path) => readFileSync(join(root, path), 'utf8') };
}

/** Every workspace the root package.json declares, with the suite folders its scripts run. */
export function readWorkspaceTests(root: string): WorkspaceTests[] {
  return listWorkspaceDirs(root).map((dir) => {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    const suiteFolders = Object.keys(pkg.scripts ?? {}).flatMap((script) => {
      const match = /^test:([\w-]+)$/.exec(script);
      return match?.[1] ? [match[1]] : [];
    });
    return { dir, suiteFolders };
  });
}
