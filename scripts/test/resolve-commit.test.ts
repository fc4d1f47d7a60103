import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCommit } from '../src/commands/resolve-commit.ts';
import { createFixtureRepo, type FixtureRepo, recordingContext } from './fixture-repo.ts';

describe('resolve-commit', () => {
  let repo: FixtureRepo;
  let first: string;
  let head: string;
  let offBranch: string;

  beforeAll(() => {
    repo = createFixtureRepo();
    repo.write({ 'package.json': { name: 'fixture', workspaces: [] } });
    first = repo.commit('first');
    head = repo.commit('second');
    repo.git('checkout', '--quiet', '-b', 'feature');
    offBranch = repo.commit('unreviewed');
    repo.git('checkout', '--quiet', 'main');
  });
  afterAll(() => repo.remove());

  it('uses the pushed commit when no SHA was requested', () => {
    const out = join(repo.root, 'out-push.txt');
    resolveCommit(['--root', repo.root, '--sha', '', '--default', head], recordingContext(out));
    expect(readFileSync(out, 'utf8')).toBe(`sha=${head}\nredeploy=false\n`);
  });

  it('accepts an earlier commit of the branch as a redeploy (rollback)', () => {
    const out = join(repo.root, 'out-rollback.txt');
    resolveCommit(
      ['--root', repo.root, '--sha', first.toUpperCase(), '--default', head],
      recordingContext(out),
    );
    expect(readFileSync(out, 'utf8')).toBe(`sha=${first}\nredeploy=true\n`);
  });

  it('refuses a commit that is not on the deployed branch', () => {
    expect(() =>
      resolveCommit(
        ['--root', repo.root, '--sha', offBranch, '--default', head],
        recordingContext(),
      ),
    ).toThrow(/is not on HEAD/);
  });

  it('refuses a well-formed SHA the repository does not have', () => {
    expect(() =>
      resolveCommit(
        ['--root', repo.root, '--sha', 'a'.repeat(40), '--default', head],
        recordingContext(),
      ),
    ).toThrow(/not in this clone/);
  });

  it('exits 1 with the reason and writes no output when run as a CLI with a malformed SHA', () => {
    const bin = join(import.meta.dirname, '../src/bin/resolve-commit.ts');
    const out = join(repo.root, 'out-bad.txt');
    let status = 0;
    let stderr = '';
    try {
      execFileSync(
        process.execPath,
        [
          '--conditions=@slipway/source',
          bin,
          '--root',
          repo.root,
          '--sha',
          'main; id',
          '--default',
          head,
        ],
        {
          env: { ...process.env, GITHUB_OUTPUT: out },
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = (error as { stderr: string }).stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toContain(
      'resolve-commit: sha must be a full 40-character hexadecimal commit SHA',
    );
    expect(() => readFileSync(out)).toThrow();
  });
});
