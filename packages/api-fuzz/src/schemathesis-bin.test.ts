import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findSchemathesis, SchemathesisMissingError } from './schemathesis-bin.ts';

const dir = mkdtempSync(join(tmpdir(), 'schemathesis-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for install-schemathesis.sh that answers --check as given. */
function fakeScript(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/usr/bin/env bash\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('findSchemathesis', () => {
  it('uses the path the install script answers --check with', () => {
    const script = fakeScript('installed.sh', '[ "$1" = --check ] && echo /cache/st');
    expect(findSchemathesis(undefined, script)).toBe('/cache/st');
  });

  it('fails naming the install command when schemathesis is not installed', () => {
    const script = fakeScript(
      'missing.sh',
      'echo "schemathesis 4.32.5 is not installed." >&2; exit 1',
    );
    expect(() => findSchemathesis(undefined, script)).toThrow(SchemathesisMissingError);
    expect(() => findSchemathesis(undefined, script)).toThrow(
      new RegExp(`is not installed[\\s\\S]*Install it with:\\s+${script}`),
    );
  });

  it('prefers SCHEMATHESIS_BIN, and fails when it names nothing', () => {
    const st = fakeScript('st', 'exit 0');
    const failing = fakeScript('never.sh', 'exit 1');
    expect(findSchemathesis(st, failing)).toBe(st);
    expect(() => findSchemathesis(join(dir, 'nope'), failing)).toThrow(/SCHEMATHESIS_BIN/);
  });
});
