import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSchemathesis } from './run-schemathesis.ts';

const dir = mkdtempSync(join(tmpdir(), 'fake-schemathesis-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for `st` that starts its JSON report, never finishes it, and hangs. */
function hangingSchemathesis(): string {
  const bin = join(dir, 'st');
  writeFileSync(
    bin,
    '#!/bin/sh\nwhile [ $# -gt 0 ]; do [ "$1" = --report-json-path ] && printf "{" > "$2"; shift; done\nexec sleep 60\n',
  );
  chmodSync(bin, 0o755);
  return bin;
}

describe('runSchemathesis', () => {
  it('reports a run the deadline cut as timed out, with no report, whatever it left half-written', async () => {
    const run = await runSchemathesis({
      bin: hangingSchemathesis(),
      schemaUrl: 'http://127.0.0.1:9/openapi.json',
      seed: 1,
      maxExamples: 1,
      timeoutMs: 200,
    });
    expect(run).toMatchObject({ timedOut: true, exitCode: null, report: undefined });
  });
});
