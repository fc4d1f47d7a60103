import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintTool } from './lint-tools.ts';
import { root } from './workflow-files.ts';

// zizmor audits the workflows where our own rules used to: pins, persisted credentials, template
// injection, dangerous triggers, default permissions, inherited secrets. Offline: no GitHub API.
const fixtures = join(import.meta.dirname, 'fixtures/zizmor');
let zizmor = '';

beforeAll(() => {
  zizmor = lintTool('zizmor');
}, 300_000);

/** The audits zizmor reports for a path, as CI runs it. */
function audits(path: string): string[] {
  const run = spawnSync(
    zizmor,
    [
      '--offline',
      '--persona',
      'pedantic',
      '--min-severity',
      'low',
      '--config',
      join(root, '.github/zizmor.yml'),
      '--format',
      'json',
      path,
    ],
    { encoding: 'utf8' },
  );
  if (run.error) throw run.error;
  const findings = JSON.parse(run.stdout) as { ident: string }[];
  return [...new Set(findings.map((f) => f.ident))].sort();
}

describe('zizmor', () => {
  it("finds nothing in this repository's workflows and local actions", () => {
    expect(audits(join(root, '.github'))).toEqual([]);
  });

  it.each([
    ['an action pinned to a tag, not a SHA', 'unpinned.yml', 'unpinned-uses'],
    ['checkout keeping its credentials', 'credentials.yml', 'artipacked'],
    ['event text expanded inside run:', 'injection.yml', 'template-injection'],
    ['pull_request_target', 'target.yml', 'dangerous-triggers'],
    ['no top-level permissions', 'permissions.yml', 'excessive-permissions'],
    ['secrets: inherit', 'inherit.yml', 'secrets-inherit'],
    [
      'a reusable workflow leaving permissions to its caller',
      'reusable.yml',
      'excessive-permissions',
    ],
    ['a write scope at the top', 'top-write.yml', 'excessive-permissions'],
    ['a secret expanded inside run:', 'secret-in-run.yml', 'template-injection'],
  ])('catches %s', (_label, file, audit) => {
    expect(audits(join(fixtures, file))).toContain(audit);
  });
});
