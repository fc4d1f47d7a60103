import { describe, expect, it } from 'vitest';
import { packageRepository } from '@slipway/platform-contract';
import { packageRepositoryProblems } from '../src/package-repository.js';
import { scriptsRepoRoot } from '../src/repo-root.js';
import { createFixtureRepo } from './fixture-repo.js';

describe("published packages' repository field", () => {
  it('names, in every public package of this repository, the repository platform.json names and its folder', () => {
    expect(packageRepositoryProblems(scriptsRepoRoot())).toEqual([]);
  });

  it('reports a missing field, another repository and a wrong folder, and skips private workspaces', () => {
    const repo = createFixtureRepo();
    try {
      repo.write({
        'package.json': { name: 'fixture', workspaces: ['apps/*', 'packages/*'] },
        'platform.json': { repository: 'acme/platform' },
        'apps/orders/package.json': { name: 'orders', private: true },
        'packages/good/package.json': {
          name: '@acme/good',
          repository: packageRepository('acme/platform', 'packages/good'),
        },
        'packages/bare/package.json': { name: '@acme/bare' },
        'packages/template/package.json': {
          name: '@acme/template',
          repository: packageRepository('slipway/slipway', 'packages/template'),
        },
        'packages/moved/package.json': {
          name: '@acme/moved',
          repository: packageRepository('acme/platform', 'packages/elsewhere'),
        },
      });
      const problems = packageRepositoryProblems(repo.root);
      expect(problems.map((p) => p.split(':')[0])).toEqual([
        'packages/bare/package.json',
        'packages/moved/package.json',
        'packages/template/package.json',
      ]);
      expect(problems[0]).toContain('repository is missing; set it to');
      expect(problems[0]).toContain('"url":"git+https://github.com/acme/platform.git"');
    } finally {
      repo.remove();
    }
  });
});
