import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expr, jobsOf, read } from './workflow-files.js';

describe('deploy.yml', () => {
  const jobs = jobsOf('deploy.yml');
  const deploy = parse(read('deploy.yml')) as {
    on: Record<string, { inputs?: Record<string, unknown> }>;
  };

  it('tests, plans, builds images, then deploys staging and production in that order', () => {
    expect(jobs.test?.uses).toBe('./.github/workflows/ci.yml');
    expect(jobs.plan?.needs).toBe('test');
    expect(jobs.images?.needs).toBe('plan');
    expect(jobs.staging?.needs).toEqual(['plan', 'images']);
    expect(jobs.production?.needs).toEqual(['plan', 'images', 'staging']);
  });

  it('builds and deploys on a manual run too, where the test job is skipped', () => {
    // GitHub skips a job whose ancestors include a skipped one unless its `if` uses always().
    const condition = (job: string) => String(jobs[job]?.if ?? '').replace(/\s+/g, ' ');
    for (const job of ['plan', 'images', 'staging', 'production']) {
      expect(condition(job)).toMatch(/^always\(\) && /);
    }
    expect(condition('plan')).toContain(
      "needs.test.result == 'skipped' && github.event_name == 'workflow_dispatch'",
    );
    expect(condition('images')).toContain("needs.plan.result == 'success'");
    expect(condition('staging')).toContain(
      "needs.plan.result == 'success' && needs.images.result == 'success' && !inputs.skip-staging",
    );
    expect(condition('production')).toContain("needs.images.result == 'success'");
  });

  it('deploys one run at a time per environment, production behind its GitHub environment', () => {
    expect(jobs.staging?.environment).toBe('staging');
    expect(jobs.production?.environment).toBe('production');
    expect(jobs.staging?.concurrency).toEqual({
      group: 'deploy-staging',
      'cancel-in-progress': false,
    });
    expect(jobs.production?.concurrency).toEqual({
      group: 'deploy-production',
      'cancel-in-progress': false,
    });
  });

  it('gives packages: write to the image job only, and id-token: write to the deploy jobs only', () => {
    const scopes = Object.fromEntries(
      Object.entries(jobs).map(([id, job]) => [
        id,
        job.permissions as Record<string, string> | undefined,
      ]),
    );
    expect(scopes.images).toEqual({ contents: 'read', packages: 'write' });
    expect(scopes.plan).toEqual({ contents: 'read' });
    expect(scopes.staging).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(scopes.production).toEqual({ contents: 'read', 'id-token': 'write' });
  });

  it('takes a rollback SHA as a dispatch input and validates it in a script, never in the YAML', () => {
    expect(Object.keys(deploy.on.workflow_dispatch?.inputs ?? {})).toEqual(['sha', 'skip-staging']);
    const resolve = jobs.plan?.steps?.find((s) => s.id === 'commit');
    expect(resolve?.env).toEqual({
      REQUESTED_SHA: expr('inputs.sha'),
      PUSHED_SHA: expr('github.sha'),
    });
    expect(resolve?.run).toContain('scripts/src/bin/resolve-commit.ts');
  });

  it('sets each stack to the same commit images before pulumi up', () => {
    for (const [job, stack] of [
      ['staging', 'staging'],
      ['production', 'prod'],
    ] as const) {
      const steps = jobs[job]?.steps ?? [];
      const set = steps.findIndex((s) =>
        String(s.run ?? '').includes(`set-stack-images.ts --stack ${stack}`),
      );
      const up = steps.findIndex((s) => String(s.uses ?? '').startsWith('pulumi/actions@'));
      expect(set).toBeGreaterThan(-1);
      expect(up).toBeGreaterThan(set);
      expect(steps[up]?.with).toMatchObject({
        command: 'up',
        'stack-name': stack,
        'work-dir': 'infra/services',
      });
    }
  });

  it('logs in to each cloud with OIDC, chosen by the platform cloud', () => {
    const uses = (jobs.staging?.steps ?? []).map((s) => [String(s.uses ?? '').split('@')[0], s.if]);
    expect(uses).toContainEqual([
      'aws-actions/configure-aws-credentials',
      "needs.plan.outputs.cloud == 'aws'",
    ]);
    expect(uses).toContainEqual([
      'google-github-actions/auth',
      "needs.plan.outputs.cloud == 'gcp'",
    ]);
    expect(uses).toContainEqual(['azure/login', "needs.plan.outputs.cloud == 'azure'"]);
  });
});
