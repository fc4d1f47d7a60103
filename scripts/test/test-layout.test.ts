import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type RepositoryFiles,
  readRepositoryFiles,
  readWorkspaceTests,
  testLayoutProblems,
  type WorkspaceTests,
} from './test-layout.ts';

const root = join(import.meta.dirname, '../..');

const workspaces: WorkspaceTests[] = [
  { dir: 'apps/orders', suiteFolders: [] },
  { dir: 'generators', suiteFolders: ['e2e'] },
];
const aTest = "import { it } from 'vitest';\nit('works', () => {});\n";

/** A repository of the given files; a file not given a text is a test. */
function repository(files: Record<string, string | undefined>): RepositoryFiles {
  return { paths: Object.keys(files), read: (path) => files[path] ?? aTest };
}

describe('where tests live', () => {
  it('should hold in this repository', () => {
    expect(testLayoutProblems(readRepositoryFiles(root), readWorkspaceTests(root))).toEqual([]);
  });

  it('should read the suite folders from the test:<folder> scripts', () => {
    const read = readWorkspaceTests(root);
    expect(read.find((w) => w.dir === 'generators')?.suiteFolders).toEqual(['e2e']);
    expect(read.find((w) => w.dir === 'apps/orders')?.suiteFolders).toEqual([]);
  });

  it('should accept a unit test beside its module, a route group, test/ and a task suite folder', () => {
    const files = repository({
      'apps/orders/src/config.ts': '',
      'apps/orders/src/config.test.ts': undefined,
      'apps/orders/src/routes/orders/orders.index.ts': '',
      'apps/orders/src/routes/orders/orders.test.ts': undefined,
      'apps/orders/src/routes/orders/orders.logs.test.ts': undefined,
      'apps/orders/test/fuzz.test.ts': undefined,
      'apps/orders/test/helpers/memory-store.ts': '',
      'generators/e2e/scaffold.test.ts': undefined,
    });
    expect(testLayoutProblems(files, workspaces)).toEqual([]);
  });

  it('should refuse a test outside src/, test/ and the suite folders', () => {
    const files = repository({
      'apps/orders/e2e/flow.test.ts': undefined,
      'apps/orders/app.test.ts': undefined,
      'docs/example.test.ts': undefined,
    });
    expect(testLayoutProblems(files, workspaces)).toEqual([
      'apps/orders/e2e/flow.test.ts: a test lives in apps/orders/src/, apps/orders/test/',
      'apps/orders/app.test.ts: a test lives in apps/orders/src/, apps/orders/test/',
      'docs/example.test.ts: a test outside every workspace of the root package.json',
    ]);
  });

  it('should refuse a test under src/ named after no module beside it', () => {
    const files = repository({
      'apps/orders/src/schema.ts': '',
      'apps/orders/src/db/schema-defaults.test.ts': undefined,
      'apps/orders/src/defaults.test.ts': undefined,
    });
    expect(testLayoutProblems(files, workspaces)).toEqual([
      expect.stringMatching(
        /^apps\/orders\/src\/db\/schema-defaults\.test\.ts: .* no schema-defaults\.ts/,
      ),
      expect.stringMatching(/^apps\/orders\/src\/defaults\.test\.ts: a test under src\/ is named/),
    ]);
  });

  it('should refuse a helper named like a test, and an import of a test file', () => {
    const helper = './stub-server.test.js';
    const files = repository({
      'apps/orders/test/stub-server.test.ts': 'export function stubServer() {}\n',
      'apps/orders/test/orders.test.ts': `import { stubServer } from '${helper}';\n${aTest}`,
    });
    expect(testLayoutProblems(files, workspaces)).toEqual([
      'apps/orders/test/stub-server.test.ts: named like a test but declares none: give a helper another name',
      "apps/orders/test/orders.test.ts: imports the test file './stub-server.test.js': share a helper instead",
    ]);
  });
});
