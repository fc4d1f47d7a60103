import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The other infra programs' sources (tests aside): they must import the mocks and the masking
// from here, never keep a copy, so a test sees exactly what `npm run render` writes.
const root = join(import.meta.dirname, '../../..');
const sources = execFileSync('git', ['ls-files', '-z', '--', 'infra/*/src/*.ts'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\0')
  .filter((file) => file !== '' && !file.startsWith('infra/testing/') && !file.endsWith('.test.ts'))
  // Tracked but deleted (a fork's other clouds, before init's change is committed).
  .filter((file) => existsSync(join(root, file)));

const copies = [
  ['its own Pulumi mocks', /\bsetMocks\(/],
  ["a check of Pulumi's secret signature", /specialSecretSig|1b47061264138c4ac30d75fd1eb44270/],
  ['its own mask', /['"`]\[secret\]['"`]/],
] as const;

describe('infra-testing, the one owner of the mocks and the masking', () => {
  it.each(copies)('is the only infra source with %s', (_, pattern) => {
    expect(sources.length).toBeGreaterThan(20);
    const found = sources.filter((file) => pattern.test(readFileSync(join(root, file), 'utf8')));
    expect(found).toEqual([]);
  });
});
