import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintTool } from './lint-tools.ts';
import { root } from './workflow-files.ts';

// hadolint holds docker/Dockerfile to the general Dockerfile practice (COPY not ADD among them);
// check-dockerfile keeps the image rules that are this project's own.
let hadolint = '';

beforeAll(() => {
  hadolint = lintTool('hadolint');
}, 300_000);

/** The rule codes hadolint reports for a Dockerfile, as CI runs it. */
function codes(file: string): string[] {
  const run = spawnSync(
    hadolint,
    ['--config', join(root, '.hadolint.yaml'), '--format', 'json', file],
    { encoding: 'utf8' },
  );
  if (run.error) throw run.error;
  const findings = JSON.parse(run.stdout) as { code: string }[];
  return [...new Set(findings.map((f) => f.code))].sort();
}

describe('hadolint', () => {
  it('finds nothing in docker/Dockerfile', () => {
    expect(codes(join(root, 'docker/Dockerfile'))).toEqual([]);
  });

  it('catches ADD, a root USER last and a shell-form CMD', () => {
    expect(codes(join(import.meta.dirname, 'fixtures/hadolint/Dockerfile'))).toEqual(
      expect.arrayContaining(['DL3020', 'DL3002', 'DL3025']),
    );
  });
});
