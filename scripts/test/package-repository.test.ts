import { describe, expect, it } from 'vitest';
import { packageRepository } from '@slipway/platform-contract';
import { checkPackagesCommand } from '../src/commands/check-packages.ts';
import { packageRepositoryProblems } from '../src/package-repository.ts';
import { scriptsRepoRoot } from '../src/repo-root.ts';
import { createFixtureRepo, recordingContext } from './fixture-repo.ts';

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

describe("check-packages, the publish job's check before npm", () => {
  const published = {
    'package.json': { name: 'fixture', workspaces: ['packages/*'] },
    'platform.json': { repository: 'acme/platform' },
    'packages/good/package.json': {
      name: '@acme/good',
      repository: packageRepository('acme/platform', 'packages/good'),
    },
  };

  it("passes when the packages name platform.json's repository and the workflow runs in it", () => {
    const repo = createFixtureRepo();
    try {
      repo.write(published);
      const ctx = recordingContext(undefined, { GITHUB_REPOSITORY: 'Acme/Platform' });
      checkPackagesCommand(['--root', repo.root], ctx);
      expect(ctx.text()).toBe('published packages name acme/platform: ok\n');
    } finally {
      repo.remove();
    }
  });

  it('refuses to publish from a repository platform.json does not name, saying what to set', () => {
    const repo = createFixtureRepo();
    try {
      repo.write(published);
      const ctx = recordingContext(undefined, { GITHUB_REPOSITORY: 'beta/fork' });
      expect(() => checkPackagesCommand(['--root', repo.root], ctx)).toThrow(
        'platform.json names the repository acme/platform, but this workflow runs in beta/fork: set "repository" in platform.json to beta/fork',
      );
    } finally {
      repo.remove();
    }
  });

  it('refuses a package without its repository field', () => {
    const repo = createFixtureRepo();
    try {
      repo.write({ ...published, 'packages/bare/package.json': { name: '@acme/bare' } });
      expect(() => checkPackagesCommand(['--root', repo.root], recordingContext())).toThrow(
        'packages/bare/package.json: repository is missing',
      );
    } finally {
      repo.remove();
    }
  });
});
