import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';
import { scriptsRepoRoot } from '../src/repo-root.js';

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

  it('has no import cycle in any workspace', async () => {
    const tree = await parseDependencyTree(
      trackedSources.map((file) => join(root, file)),
      { context: root, cwd: root, transform: false, skipDynamicImports: false },
    );
    const cycles = parseCircular(tree).map((cycle) => {
      const files = cycle.map((file) => relative(root, join(root, file)));
      return `${workspaceOf(files[0] ?? '')}: ${files.join(' -> ')}`;
    });
    expect(
      cycles,
      'break each cycle: move the shared type or helper into its own file both sides import',
    ).toEqual([]);
  }, 300_000);
});
