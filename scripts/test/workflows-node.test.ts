import { describe, expect, it } from 'vitest';
import { expr, files, type Job, jobsOf } from './workflow-files.js';

describe('Node in the workflows', () => {
  const setupSteps = files.flatMap((file) => {
    const name = file.split('/').at(-1) ?? file;
    return Object.entries(jobsOf(name)).flatMap(([job, { steps = [] }]) =>
      steps
        .filter((s) => String(s.uses ?? '').startsWith('actions/setup-node@'))
        .map((s) => [`${name} ${job}`, s.with as Record<string, unknown>] as const),
    );
  });

  it("sets up Node in every job that runs the repository's scripts", () => {
    expect(setupSteps.map(([where]) => where)).toEqual([
      'ci.yml verify',
      'deploy.yml plan',
      'deploy.yml images',
      'deploy.yml staging',
      'deploy.yml production',
      'preview.yml preview',
      'release.yml release',
    ]);
  });

  it('takes the version from .nvmrc, its one owner, everywhere but the CI matrix', () => {
    for (const [where, withs] of setupSteps.filter(([w]) => w !== 'ci.yml verify')) {
      expect([where, withs['node-version-file'], withs['node-version']]).toEqual([
        where,
        '.nvmrc',
        undefined,
      ]);
    }
  });

  it('tests on the .nvmrc line and on Node 26 in CI, each leg to the end', () => {
    const verify = jobsOf('ci.yml').verify as Job & {
      strategy: { 'fail-fast': boolean; matrix: { include: Record<string, string>[] } };
    };
    expect(verify.strategy['fail-fast']).toBe(false);
    expect(verify.strategy.matrix).toEqual({
      include: [{ 'node-version-file': '.nvmrc' }, { 'node-version': '26' }],
    });
    expect(setupSteps.find(([where]) => where === 'ci.yml verify')?.[1]).toMatchObject({
      'node-version': expr('matrix.node-version'),
      'node-version-file': expr('matrix.node-version-file'),
    });
  });

  it("gives the remote cache to the .nvmrc leg only: turbo's hashes leave the Node version out", () => {
    const verify = jobsOf('ci.yml').verify as Job & { env: Record<string, string> };
    expect(verify.env.TURBO_TOKEN).toBe(
      expr("matrix.node-version-file && secrets.TURBO_TOKEN || ''"),
    );
    const stepTokens = (verify.steps ?? []).filter(
      (s) => (s.env as Record<string, unknown> | undefined)?.TURBO_TOKEN !== undefined,
    );
    expect(stepTokens).toEqual([]);
  });
});
