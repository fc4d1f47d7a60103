import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptsRepoRoot } from '../src/repo-root.ts';

// The developers' guide: one concept per file, no source file over ~300 lines, and no import
// cycles. Both are checked over what git tracks, so untracked scratch files never fail the build.
const root = scriptsRepoRoot(process.cwd());
const maxLines = 300;
const sourceFile = /\.(c|m)?(ts|js)x?$/;
// Stored upstream schemas and templates are data, not code someone splits by concept.
const notOurs = [/^infra\/policy\/crd-schemas\//, /(^|\/)node_modules\//, /\.hbs$/];

const trackedSources = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((file) => sourceFile.test(file) && !notOurs.some((rule) => rule.test(file)))
  .filter((file) => existsSync(join(root, file)));

// A workspace is a folder named by the root package.json's workspace globs (`apps/*`, `scripts`).
const workspacePatterns: string[] = JSON.parse(
  readFileSync(join(root, 'package.json'), 'utf8'),
).workspaces;
function workspaceOf(file: string): string {
  for (const pattern of workspacePatterns) {
    const base = pattern.replace(/\/\*$/, '');
    if (pattern.endsWith('/*') && file.startsWith(`${base}/`))
      return file.split('/').slice(0, 2).join('/');
    if (file === pattern || file.startsWith(`${pattern}/`)) return pattern;
  }
  return '(root)';
}

// Relative specifiers only: a cycle across packages would be a cycle of workspaces, which npm and
// turbo already refuse. `import type` counts too: it ties the files together just the same.
const relativeSpecifier = /(?:\bfrom\s+|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Each tracked source file's relative imports, resolved to tracked files (`.js` → `.ts`). */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const tracked = new Set(files);
  const resolve = (from: string, specifier: string): string | undefined => {
    const base = join(dirname(from), specifier);
    const candidates = [
      base,
      base.replace(/\.(c|m)?js$/, '.$1ts'),
      `${base}.ts`,
      `${base}/index.ts`,
    ];
    return candidates.find((candidate) => tracked.has(candidate));
  };
  const graph = new Map<string, string[]>();
  for (const file of files) {
    // Comments hold examples and JSDoc type references, which load nothing.
    const text = readFileSync(join(root, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|\s)\/\/.*$/gm, '$1');
    const targets = [...text.matchAll(relativeSpecifier)]
      .map((match) => resolve(file, match[1] ?? ''))
      .filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each reported once from its first file. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (file: string): void => {
    if (onPath.has(file)) {
      cycles.push([...path.slice(path.indexOf(file)), file]);
      return;
    }
    if (done.has(file)) return;
    onPath.add(file);
    path.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    path.pop();
    onPath.delete(file);
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return cycles;
}

describe('source shape', () => {
  it(`has no tracked source file over ${maxLines} lines`, () => {
    const tooLong = trackedSources
      .map((file) => ({ file, lines: readFileSync(join(root, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > maxLines + 1) // a trailing newline is not a line
      .map(({ file, lines }) => `${file}: ${lines - 1} lines`);
    expect(
      tooLong,
      `split these by concept (one concept per file, at most ${maxLines} lines)`,
    ).toEqual([]);
  });

  it('has no import cycle in any workspace', () => {
    const cycles = findCycles(importGraph(trackedSources)).map(
      (cycle) => `${workspaceOf(cycle[0] ?? '')}: ${cycle.join(' -> ')}`,
    );
    expect(
      cycles,
      'break each cycle: move the shared type or helper into its own file both sides import',
    ).toEqual([]);
  });
});
