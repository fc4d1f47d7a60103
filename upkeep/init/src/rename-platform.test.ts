import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { productNamesOf } from '@slipway/platform-contract';
import { type PlatformRename, renamePlatform, renameText } from './rename-platform.ts';

// Names of their own, not the template's: `npm run init` renames the template's names in this
// file too, and the test must still mean the same after a fork has run it.
const rename: PlatformRename = {
  scope: { from: '@tmpl', to: '@tmpl-fork' },
  product: { from: productNamesOf('tmpl'), to: productNamesOf('tmpl-fork') },
};
const root = mkdtempSync(join(tmpdir(), 'rename-platform-'));
const write = (path: string, content: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
};
write('infra/services/Pulumi.dev.yaml', 'config:\n  tmpl-services:namespace: tmpl-dev\n');
write('packages/dev/bin/tmpl-dev.js', "import '@tmpl/dev';\n");
write('README.md', 'Tmpl, the template.\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('renameText', () => {
  it('renames a scope and a product name that contain the old ones once only', () => {
    expect(renameText('@tmpl/config, tmpl-dev, TMPL_CLOUD, tmpl_test', rename)).toBe(
      '@tmpl-fork/config, tmpl-fork-dev, TMPL_FORK_CLOUD, tmpl_fork_test',
    );
  });
});

describe('renamePlatform', () => {
  const { files, removals } = renamePlatform(root, rename);
  const byPath = Object.fromEntries(files.map((f) => [f.path, f.content]));

  it('renames Pulumi config keys and namespaces alike', () => {
    expect(byPath['infra/services/Pulumi.dev.yaml']).toBe(
      'config:\n  tmpl-fork-services:namespace: tmpl-fork-dev\n',
    );
  });

  it('moves a file whose name is made of the product name', () => {
    expect(byPath['packages/dev/bin/tmpl-fork-dev.js']).toBe("import '@tmpl-fork/dev';\n");
    expect(removals).toEqual(['packages/dev/bin/tmpl-dev.js']);
  });

  it('leaves prose that names the template alone', () => {
    expect(Object.keys(byPath)).not.toContain('README.md');
  });
});
