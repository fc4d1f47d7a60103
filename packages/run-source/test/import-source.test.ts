import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspace, type FixtureTree } from './fixture-tree.ts';

const runSource = pathToFileURL(join(import.meta.dirname, '../src/index.js')).href;

/** Runs an ES module script in a real Node process (vitest would load modules its own way). */
function runNode(script: string, cwd: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

describe('importSource', () => {
  let tree: FixtureTree | undefined;
  afterEach(() => tree?.remove());

  it('runs TypeScript from source, sharing installed packages with plain imports', () => {
    tree = createWorkspace({
      'app/main.ts': [
        "import { next } from 'counter';",
        "import { libName } from '@slipway/lib';",
        'const typed: number = next();',
        'export const result = { libName, typed };',
      ].join('\n'),
    });
    const output = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { importSource } from '${runSource}';
         const { result } = await importSource('${tree.path('app/main.ts')}');
         const { next } = await import('counter');
         console.log(JSON.stringify({ ...result, after: next() }));`,
      ],
      { cwd: tree.root, encoding: 'utf8' },
    );

    // `after` is 2: the bundle's `counter` is the very module a plain import gets.
    expect(JSON.parse(output)).toEqual({ libName: 'lib from source', typed: 1, after: 2 });
  });

  it('gives each module its own import.meta.url, filename and dirname, and leaves strings alone', () => {
    tree = createWorkspace({
      'app/main.ts': [
        "import { libUrl } from '@slipway/lib';",
        "import { here } from './nested/here.js';",
        "export const result = { main: import.meta.url, libUrl, here, text: 'import.meta.url' };",
      ].join('\n'),
      'app/nested/here.ts':
        'export const here = { filename: import.meta.filename, dirname: import.meta.dirname };\n',
    });
    const run = runNode(
      `import { importSource } from '${runSource}';
       const { result } = await importSource('${tree.path('app/main.ts')}');
       console.log(JSON.stringify(result));`,
      tree.root,
    );

    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      main: pathToFileURL(tree.path('app/main.ts')).href,
      libUrl: pathToFileURL(tree.path('packages/lib/src/index.ts')).href,
      here: { filename: tree.path('app/nested/here.ts'), dirname: tree.path('app/nested') },
      text: 'import.meta.url',
    });
  });

  it('reports errors with stack frames at the TypeScript source lines', () => {
    tree = createWorkspace({
      'app/main.ts': "import { fail } from './fail.js';\nexport const run = (): void => fail();\n",
      'app/fail.ts': [
        'interface Reason { readonly text: string }',
        'export function fail(): never {',
        "  const reason: Reason = { text: 'no' };",
        '  throw new Error(reason.text);',
        '}',
      ].join('\n'),
    });
    const run = runNode(
      `import { importSource } from '${runSource}';
       const { run } = await importSource('${tree.path('app/main.ts')}');
       try { run(); } catch (error) { console.log(error.stack); }`,
      tree.root,
    );

    expect(run.stdout).toContain(`at fail (${tree.path('app/fail.ts')}:4:9)`);
    expect(run.stdout).toContain(`(${tree.path('app/main.ts')}:2:`);
  });

  it('removes the saved bundle once imported, and writeSourceBundle files when the process exits', () => {
    tree = createWorkspace({ 'app/main.ts': 'export const value: number = 42;\n' });
    const temporary = tree.path('tmp');
    mkdirSync(temporary);
    const run = runNode(
      `import { existsSync, readdirSync } from 'node:fs';
       import { dirname } from 'node:path';
       import { importSource, writeSourceBundle } from '${runSource}';
       const { value } = await importSource('${tree.path('app/main.ts')}');
       const saved = await writeSourceBundle('${tree.path('app/main.ts')}');
       const { value: again } = await import(saved);
       const besideSaved = readdirSync(dirname(saved));
       console.log(JSON.stringify({ value, again, saved, exists: existsSync(saved), besideSaved }));`,
      tree.root,
      { TMPDIR: temporary },
    );
    const result = JSON.parse(run.stdout) as {
      value: number;
      again: number;
      saved: string;
      exists: boolean;
      besideSaved: string[];
    };

    expect(result).toMatchObject({ value: 42, again: 42, exists: true });
    // The imported bundle is gone at once; only the one writeSourceBundle returned is left.
    expect(result.besideSaved).toEqual([basename(result.saved)]);
    expect(result.saved.startsWith(`${temporary}/slipway-run-source-`)).toBe(true);
    expect(readdirSync(temporary)).toEqual([]);
  });

  it('fails with the compile error and exit code 1, leaving no bundle behind', () => {
    tree = createWorkspace({ 'app/main.ts': 'export const = 1;\n' });
    const temporary = tree.path('tmp');
    mkdirSync(temporary);
    const run = runNode(
      `import { importSource } from '${runSource}';
       await importSource('${tree.path('app/main.ts')}');`,
      tree.root,
      { TMPDIR: temporary },
    );

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Cannot run .*app\/main\.ts: its sources do not compile/);
    expect(readdirSync(temporary)).toEqual([]);
  });
});
