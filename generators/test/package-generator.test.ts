import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixtureRepo, hashTree, readTree } from './helpers/fixture-repo.ts';
import { runGenerator } from './helpers/load-plop.ts';

let root: string;
beforeEach(() => {
  root = createFixtureRepo();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the package generator', () => {
  it('writes the package with its build, tests and exports, and a changeset', async () => {
    const { failures, result } = await runGenerator(root, 'package', {
      name: 'money',
      description: 'Money amounts in minor units.',
    });
    expect(failures).toEqual([]);
    expect(result?.created).toEqual([
      '.changeset/add-money.md',
      'packages/money/README.md',
      'packages/money/package.json',
      'packages/money/src/describe-money.test.ts',
      'packages/money/src/describe-money.ts',
      'packages/money/src/index.ts',
      'packages/money/tsconfig.build.json',
      'packages/money/tsconfig.json',
      'packages/money/vitest.config.ts',
    ]);
    const tree = readTree(root);
    expect(JSON.parse(tree['packages/money/package.json'] ?? '')).toMatchObject({
      name: '@slipway/money',
      engines: { node: '>=24' },
      exports: { '.': { '@slipway/source': './src/index.ts', default: './dist/index.js' } },
      scripts: { build: 'tsc -p tsconfig.build.json', test: 'vitest run' },
      publishConfig: { access: 'public' },
      repository: {
        type: 'git',
        url: 'git+https://github.com/slipway/slipway.git',
        directory: 'packages/money',
      },
    });
    expect(tree['.changeset/add-money.md']).toBe(
      "---\n'@slipway/money': minor\n---\n\nAdd @slipway/money: Money amounts in minor units.\n",
    );
  });

  it('refuses a name a shared package already has', async () => {
    const before = hashTree(root);
    const { failures } = await runGenerator(root, 'package', { name: 'config' });
    expect(failures[0]?.error).toContain(
      "The name 'config' is taken: packages/config already exists",
    );
    expect(hashTree(root)).toBe(before);
  });
});
