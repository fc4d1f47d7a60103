import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expr, files, type Job, jobsOf, root } from './workflow-files.ts';

const setupAction = './.github/actions/setup';

describe('Node in the workflows', () => {
  const setupSteps = files.flatMap((file) => {
    const name = file.split('/').at(-1) ?? file;
    return Object.entries(jobsOf(name)).flatMap(([job, { steps = [] }]) =>
      steps
        .filter((s) => s.uses === setupAction)
        .map((s) => [`${name} ${job}`, (s.with ?? {}) as Record<string, unknown>] as const),
    );
  });
  const action = parse(readFileSync(join(root, '.github/actions/setup/action.yml'), 'utf8')) as {
    runs: { steps: Record<string, unknown>[] };
  };

  it("sets up Node in every job that runs the repository's scripts, through the one setup action", () => {
    expect(setupSteps.map(([where]) => where)).toEqual([
      'ci.yml verify',
      'deploy-stack.yml deploy',
      'deploy.yml plan',
      'deploy.yml images',
      'deploy.yml verify',
      // upkeep
      'e2e-kind.yml kind',
      // /upkeep
      'preview-environment.yml changes',
      'preview-environment.yml images',
      'preview-environment.yml up',
      'preview-environment.yml down',
      'preview-environment.yml gc',
      'preview.yml preview',
      'release.yml version',
      'release.yml publish',
    ]);
    for (const file of files) {
      expect([file, readFileSync(file, 'utf8').includes('actions/setup-node@')]).toEqual([
        file,
        false,
      ]);
    }
  });

  it('checks out before the setup action (a local action is read from the checkout)', () => {
    for (const file of files) {
      const name = file.split('/').at(-1) ?? file;
      for (const [job, { steps = [] }] of Object.entries(jobsOf(name))) {
        const setup = steps.findIndex((s) => s.uses === setupAction);
        const checkout = steps.findIndex((s) => String(s.uses).startsWith('actions/checkout@'));
        if (setup > -1)
          expect([name, job, checkout > -1 && checkout < setup]).toEqual([name, job, true]);
      }
    }
  });

  it('takes the version from .nvmrc, its one owner, unless a Node line is asked for', () => {
    const node = action.runs.steps.find((s) => String(s.uses).startsWith('actions/setup-node@'));
    expect(node?.with).toMatchObject({
      'node-version': expr('inputs.node-version'),
      'node-version-file': expr("inputs.node-version == '' && '.nvmrc' || ''"),
    });
    for (const [where, withs] of setupSteps.filter(([w]) => w !== 'ci.yml verify')) {
      expect([where, withs['node-version']]).toEqual([where, undefined]);
    }
  });

  it('uses the npm cache in CI only: workflows that ship images, stacks or packages go without', () => {
    expect(setupSteps.filter(([, withs]) => withs.cache === 'true').map(([w]) => w)).toEqual([
      'ci.yml verify',
    ]);
    const node = action.runs.steps.find((s) => String(s.uses).startsWith('actions/setup-node@'));
    expect(node?.with).toMatchObject({
      cache: expr("inputs.cache == 'true' && 'npm' || ''"),
      'package-manager-cache': expr("inputs.cache == 'true'"),
    });
    expect(action.runs.steps.at(-1)?.run).toBe('npm ci --no-audit --no-fund');
  });

  it('tests on the .nvmrc line and on Node 26 in CI, each leg to the end', () => {
    const verify = jobsOf('ci.yml').verify as Job & {
      strategy: { 'fail-fast': boolean; matrix: { include: Record<string, string>[] } };
    };
    expect(verify.strategy['fail-fast']).toBe(false);
    expect(verify.strategy.matrix).toEqual({
      include: [{ 'node-version': '' }, { 'node-version': '26' }],
    });
    expect(setupSteps.find(([where]) => where === 'ci.yml verify')?.[1]).toMatchObject({
      'node-version': expr('matrix.node-version'),
    });
  });

  it('gives CI no secret: every run executes a branch, which could write a remote cache main trusts', () => {
    const ci = readFileSync(join(root, '.github/workflows/ci.yml'), 'utf8');
    expect(ci).not.toMatch(/\bsecrets\./);
    expect(ci).not.toContain('TURBO_TOKEN');
  });
});
