import { describe, expect, it } from 'vitest';
import { envFileFlags, envFiles } from './env-files.ts';

describe('envFiles', () => {
  it("lists the repository's .env before the service's, so the service's wins", () => {
    expect(envFiles('/repo', '/repo/apps/orders')).toEqual([
      '/repo/.env',
      '/repo/apps/orders/.env',
    ]);
  });

  it('lists a folder once when the service is the repository root', () => {
    expect(envFiles('/repo', '/repo')).toEqual(['/repo/.env']);
  });
});

describe('envFileFlags', () => {
  it.each([
    ['both files', ['/repo/.env', '/repo/apps/orders/.env']],
    ['only the repository file', ['/repo/.env']],
    ['only the service file', ['/repo/apps/orders/.env']],
    ['no file', []],
  ])('passes --env-file-if-exists for each existing file, in order, with %s', (_label, present) => {
    const flags = envFileFlags('/repo', '/repo/apps/orders', (file) => present.includes(file));
    expect(flags).toEqual(present.map((file) => `--env-file-if-exists=${file}`));
  });
});
