import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNodeMajor } from '../src/node-line.ts';
import { scriptsRepoRoot } from '../src/repo-root.ts';
import { readWorkspaces } from '../src/workspaces.ts';

// .nvmrc owns the Node line. The other places that must agree with it each have a test:
// here the version files and the engines, ci-node.test.ts the exact version of .ci/node.sh,
// dockerfile.test.ts the image, workflows.test.ts the setup-node steps.
const root = scriptsRepoRoot(process.cwd());
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const nvmrc = read('.nvmrc').trim();

describe('the Node line', () => {
  it('is a bare major in .nvmrc, and .node-version says the same', () => {
    expect(nvmrc).toMatch(/^\d+$/);
    expect(read('.node-version').trim()).toBe(nvmrc);
  });

  it('is the floor that the root and every workspace declare in engines', () => {
    const manifests = ['package.json', ...readWorkspaces(root).map((w) => `${w.dir}/package.json`)];
    const engines = Object.fromEntries(
      manifests.map((file) => {
        const pkg = JSON.parse(read(file)) as { engines?: { node?: string } };
        return [file, pkg.engines?.node];
      }),
    );
    const expected = Object.fromEntries(manifests.map((file) => [file, `>=${nvmrc}`]));
    expect(engines).toEqual(expected);
  });
});

describe('readNodeMajor', () => {
  it.each([
    ['24\n', 24],
    ['24.22.3', 24],
    ['v26', 26],
    ['lts/*', undefined],
    ['node', undefined],
    [undefined, undefined],
  ])('reads %j from .nvmrc as %j', (text, expected) => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-nvmrc-'));
    try {
      if (text !== undefined) writeFileSync(join(dir, '.nvmrc'), text);
      expect(readNodeMajor(dir)).toBe(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
