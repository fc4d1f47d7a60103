import { describe, expect, it } from 'vitest';
import {
  githubRepositoryOfRemote,
  githubRepositorySchema,
  packageRepository,
} from './github-repository.ts';

describe('the GitHub repository', () => {
  it("makes a published package's repository field in npm's normal form", () => {
    expect(packageRepository('acme/platform', 'packages/config')).toEqual({
      type: 'git',
      url: 'git+https://github.com/acme/platform.git',
      directory: 'packages/config',
    });
  });

  it.each([
    ['git@github.com:acme/platform.git', 'acme/platform'],
    ['git@github.com:acme/platform', 'acme/platform'],
    ['ssh://git@github.com/Acme-Corp/platform.io.git', 'Acme-Corp/platform.io'],
    ['https://github.com/acme/platform.git\n', 'acme/platform'],
    ['https://x-access-token@github.com/acme/platform/', 'acme/platform'],
    ['git+https://github.com/acme/platform.git', 'acme/platform'],
    ['https://gitlab.com/acme/platform.git', undefined],
    ['git@github.com:acme/platform/extra.git', undefined],
    ['/srv/git/platform.git', undefined],
  ])('reads the remote %j as %j', (remote, repository) => {
    expect(githubRepositoryOfRemote(remote)).toBe(repository);
  });

  it.each(['acme', 'acme/', '/platform', 'acme/plat form', '-acme/platform', 'a/b/c'])(
    'refuses %j as <owner>/<name>',
    (repository) => {
      expect(githubRepositorySchema.safeParse(repository).success).toBe(false);
    },
  );
});
