import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepository, type RepoCopy } from '../src/testing/repo-copy.ts';

// What the README's "test loop" promises, checked on turbo's own task hashes (a dry run, nothing
// is executed): an edit to a service re-runs that service's tasks and its dependents' only,
// and the end-to-end suite follows the generators, not the services' own code.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const tasks = ['typecheck', 'lint', 'test', 'test:e2e'];
let copy: RepoCopy;

/** The hash of every task turbo would run for `npm test`, by task id. */
function taskHashes(): Map<string, string> {
  const dry = execFileSync('npx', ['turbo', 'run', ...tasks, '--dry=json'], {
    cwd: copy.root,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  const plan = JSON.parse(dry) as {
    tasks: { taskId: string; hash: string; command: string }[];
  };
  return new Map(
    plan.tasks.filter((t) => t.command !== '<NONEXISTENT>').map((t) => [t.taskId, t.hash]),
  );
}

/** The tasks whose hash changes when `edit` is applied to the copy. */
function rerunAfter(edit: () => void): string[] {
  const before = taskHashes();
  edit();
  const after = taskHashes();
  return [...after].filter(([id, hash]) => before.get(id) !== hash).map(([id]) => id);
}

describe("npm test's turbo inputs", () => {
  beforeAll(() => {
    copy = copyRepository(repoRoot, { services: ['gateway', 'orders'], nodeModules: 'symlink' });
  });
  afterAll(() => copy?.remove());

  it('re-run only orders and what imports it after an edit to orders, not the e2e suite', () => {
    const rerun = rerunAfter(() =>
      appendFileSync(join(copy.root, 'apps/orders/src/app.ts'), '// edited\n'),
    );
    expect(rerun.sort()).toEqual([
      'gateway#test',
      'gateway#typecheck',
      'orders#lint',
      'orders#test',
      'orders#typecheck',
    ]);
  });

  it('re-run the end-to-end suite after an edit to a service template', () => {
    const rerun = rerunAfter(() =>
      appendFileSync(join(copy.root, 'generators/templates/service/src/app.ts.hbs'), '// edited\n'),
    );
    expect(rerun).toContain('@slipway/generators#test:e2e');
    expect(rerun).not.toContain('orders#test');
  });
});
