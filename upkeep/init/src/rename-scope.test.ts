import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renameScope } from './rename-scope.ts';

// Scopes of their own, not the template's: `npm run init` renames the template's scope in this
// file too, and the test must still mean the same after a fork has run it.
const from = '@tmpl';
const to = '@fork';
const root = mkdtempSync(join(tmpdir(), 'rename-scope-'));
const write = (path: string, content: string | Buffer) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
};
write('packages/config/package.json', '{ "name": "@tmpl/config" }\n');
write('apps/orders/src/app.ts', "import { createServiceApp } from '@tmpl/service-kit';\n");
write('tsconfig.base.json', '{ "customConditions": ["@tmpl/source"] }\n');
write('docs/forking.md', 'Run `npm create @tmpl/service`; the @tmpl scope. See @tmpl-labs/x.\n');
write('README.md', 'No scope here.\n');
write('node_modules/@tmpl/config/package.json', '{ "name": "@tmpl/config" }\n');
write('apps/orders/dist/index.js', "'@tmpl/config'\n");
write('logo.png', Buffer.from([0x89, 0x50, 0x00, 0x40, ...Buffer.from('@tmpl/')]));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('renameScope', () => {
  const renamed = Object.fromEntries(renameScope(root, from, to).map((f) => [f.path, f.content]));

  it('renames package names, imports, the source condition and docs', () => {
    expect(renamed).toEqual({
      'packages/config/package.json': '{ "name": "@fork/config" }\n',
      'apps/orders/src/app.ts': "import { createServiceApp } from '@fork/service-kit';\n",
      'tsconfig.base.json': '{ "customConditions": ["@fork/source"] }\n',
      'docs/forking.md': 'Run `npm create @fork/service`; the @fork scope. See @tmpl-labs/x.\n',
    });
  });

  it('leaves installed packages, build output, binary files and other scopes alone', () => {
    expect(Object.keys(renamed)).not.toContain('node_modules/@tmpl/config/package.json');
    expect(Object.keys(renamed)).not.toContain('apps/orders/dist/index.js');
    expect(Object.keys(renamed)).not.toContain('logo.png');
  });

  it('plans nothing when the scope stays the same', () => {
    expect(renameScope(root, from, from)).toEqual([]);
  });
});
