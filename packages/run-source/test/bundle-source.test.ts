import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleSource } from '../src/index.js';
import { createWorkspace, type FixtureTree } from './fixture-tree.ts';

describe('bundleSource', () => {
  let tree: FixtureTree | undefined;
  afterEach(() => tree?.remove());

  it('inlines relative and workspace sources, and leaves installed packages as file imports', async () => {
    tree = createWorkspace({
      'app/main.ts': [
        "import { next } from 'counter';",
        "import { libName } from '@slipway/lib';",
        "import { helper } from './helper.js';",
        'export const values: string[] = [libName, helper(), String(next())];',
      ].join('\n'),
      'app/helper.ts': "export const helper = (): string => 'helper from source';\n",
    });
    const code = await bundleSource(tree.path('app/main.ts'), { outfile: tree.path('out.mjs') });

    expect(code).toContain('lib from source');
    expect(code).toContain('helper from source');
    expect(code).toContain(
      `from "${pathToFileURL(tree.path('node_modules/counter/index.js')).href}"`,
    );
    expect(code).not.toContain('counter body');
    expect(code).toContain('//# sourceMappingURL=data:application/json;base64,');
  });

  it('keeps Node built-ins as imports', async () => {
    tree = createWorkspace({
      'app/main.ts':
        "import { join } from 'node:path';\nimport os from 'os';\nexport const x = join(os.tmpdir(), 'a');\n",
    });
    const code = await bundleSource(tree.path('app/main.ts'), { outfile: tree.path('out.mjs') });

    expect(code).toMatch(/from "node:path"/);
    expect(code).toMatch(/from "os"/);
  });

  it('names the file, line and problem when a source does not compile, and how to go on', async () => {
    tree = createWorkspace({
      'app/main.ts': "import { broken } from './broken.js';\nexport { broken };\n",
      'app/broken.ts': 'export const ok = 1;\nexport const broken = (;\n',
    });

    await expect(
      bundleSource(tree.path('app/main.ts'), { outfile: tree.path('out.mjs') }),
    ).rejects.toThrow(
      /its sources do not compile\.\n {2}.*app\/broken\.ts:2:\d+: .+\nFix the files named above/,
    );
  });

  it('names an import that cannot be found', async () => {
    tree = createWorkspace({ 'app/main.ts': "export { gone } from 'not-installed';\n" });

    await expect(
      bundleSource(tree.path('app/main.ts'), { outfile: tree.path('out.mjs') }),
    ).rejects.toThrow(/app\/main\.ts:1:\d+: Could not resolve "not-installed"/);
  });
});
