import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renameScope } from './rename-scope.js';

const root = mkdtempSync(join(tmpdir(), 'rename-scope-'));
const write = (path: string, content: string | Buffer) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
};
write('packages/config/package.json', '{ "name": "@slipway/config" }\n');
write('apps/orders/src/app.ts', "import { createService } from '@slipway/service-kit';\n");
write('tsconfig.base.json', '{ "customConditions": ["@slipway/source"] }\n');
write(
  'docs/forking.md',
  'Run `npm create @slipway/service`; the @slipway scope. See @slipway-labs/x.\n',
);
write('README.md', 'No scope here.\n');
write('node_modules/@slipway/config/package.json', '{ "name": "@slipway/config" }\n');
write('apps/orders/dist/index.js', "'@slipway/config'\n");
write('logo.png', Buffer.from([0x89, 0x50, 0x00, 0x40, ...Buffer.from('@slipway/')]));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('renameScope', () => {
  const renamed = Object.fromEntries(
    renameScope(root, '@slipway', '@acme').map((f) => [f.path, f.content]),
  );

  it('renames package names, imports, the source condition and docs', () => {
    expect(renamed).toEqual({
      'packages/config/package.json': '{ "name": "@acme/config" }\n',
      'apps/orders/src/app.ts': "import { createService } from '@acme/service-kit';\n",
      'tsconfig.base.json': '{ "customConditions": ["@acme/source"] }\n',
      'docs/forking.md': 'Run `npm create @acme/service`; the @acme scope. See @slipway-labs/x.\n',
    });
  });

  it('leaves installed packages, build output, binary files and other scopes alone', () => {
    expect(Object.keys(renamed)).not.toContain('node_modules/@slipway/config/package.json');
    expect(Object.keys(renamed)).not.toContain('apps/orders/dist/index.js');
    expect(Object.keys(renamed)).not.toContain('logo.png');
  });

  it('plans nothing when the scope stays the same', () => {
    expect(renameScope(root, '@slipway', '@slipway')).toEqual([]);
  });
});
