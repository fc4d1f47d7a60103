import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expr, jobsOf, read, root } from './workflow-files.js';

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

  const stack = jobsOf('deploy-stack.yml').deploy;

  it('deploys staging and production through the one reusable deploy-stack workflow', () => {
    for (const [job, stackName, environment] of [
      ['staging', 'staging', 'staging'],
      ['production', 'prod', 'production'],
    ] as const) {
      expect(jobs[job]?.uses).toBe('./.github/workflows/deploy-stack.yml');
      expect(jobs[job]?.with).toEqual({
        stack: stackName,
        environment,
        sha: expr('needs.plan.outputs.sha'),
      });
    }
  });

  it('lifts each environment its own secrets by name, production names to production only', () => {
    expect(jobs.staging?.secrets).toEqual({
      PULUMI_CONFIG_PASSPHRASE_STAGING: expr('secrets.PULUMI_CONFIG_PASSPHRASE_STAGING'),
      PULUMI_ACCESS_TOKEN_STAGING: expr('secrets.PULUMI_ACCESS_TOKEN_STAGING'),
    });
    expect(jobs.production?.secrets).toEqual({
      PULUMI_CONFIG_PASSPHRASE_PRODUCTION: expr('secrets.PULUMI_CONFIG_PASSPHRASE_PRODUCTION'),
      PULUMI_ACCESS_TOKEN_PRODUCTION: expr('secrets.PULUMI_ACCESS_TOKEN_PRODUCTION'),
    });
  });

  it('deploys one run at a time per environment, in the GitHub environment the caller names', () => {
    expect(stack?.environment).toBe(expr('inputs.environment'));
    expect(stack?.concurrency).toEqual({
      group: `deploy-${expr('inputs.environment')}${expr("inputs.preview && format('-pr-{0}', github.event.pull_request.number) || ''")}`,
      'cancel-in-progress': expr('inputs.preview'),
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
    // packages: read lets set-stack-images ask the registry for digests.
    const deploy = { contents: 'read', packages: 'read', 'id-token': 'write' };
    expect(scopes.staging).toEqual(deploy);
    expect(scopes.production).toEqual(deploy);
    // The called job holds exactly what its caller grants.
    expect(stack?.permissions).toBeUndefined();
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

  it('pins the stack to digests of the images, then runs pulumi in infra/services', () => {
    const steps = stack?.steps ?? [];
    const set = steps.findIndex((s) =>
      String(s.run ?? '').includes(
        'set-stack-images.ts --stack "$STACK" --sha "$SHA" --registry "$REGISTRY" --preview "$PREVIEW"',
      ),
    );
    const up = steps.findIndex((s) => String(s.uses ?? '').startsWith('pulumi/actions@'));
    expect(set).toBeGreaterThan(-1);
    expect(up).toBeGreaterThan(set);
    expect(steps[set]?.env).toMatchObject({
      STACK: expr('inputs.stack'),
      SHA: expr('inputs.sha'),
      REGISTRY_TOKEN: expr('secrets.GITHUB_TOKEN'),
      PREVIEW: expr('inputs.preview'),
    });
    expect(steps[up]?.with).toMatchObject({
      'stack-name': expr('inputs.stack'),
      'work-dir': 'infra/services',
    });
    expect(steps[up]?.env).toMatchObject({
      PULUMI_CONFIG_PASSPHRASE: expr(
        "inputs.environment == 'production' && secrets.PULUMI_CONFIG_PASSPHRASE_PRODUCTION || secrets.PULUMI_CONFIG_PASSPHRASE_STAGING",
      ),
    });
  });

  it('logs in to the cloud with OIDC through the shared action, with the environment variables', () => {
    const login = (stack?.steps ?? []).find((s) => s.uses === './.github/actions/cloud-login');
    expect(login?.with).toMatchObject({
      cloud: expr('steps.platform.outputs.cloud'),
      'aws-role-arn': expr('vars.AWS_ROLE_ARN'),
      'gcp-workload-identity-provider': expr('vars.GCP_WORKLOAD_IDENTITY_PROVIDER'),
      'azure-client-id': expr('vars.AZURE_CLIENT_ID'),
    });
    const action = parse(
      readFileSync(join(root, '.github/actions/cloud-login/action.yml'), 'utf8'),
    ) as { runs: { steps: Record<string, unknown>[] } };
    expect(action.runs.steps.map((s) => [String(s.uses).split('@')[0], s.if])).toEqual([
      ['aws-actions/configure-aws-credentials', "inputs.cloud == 'aws'"],
      ['google-github-actions/auth', "inputs.cloud == 'gcp'"],
      ['azure/login', "inputs.cloud == 'azure'"],
    ]);
  });

  it('plans each image at the commit that last changed its service, and builds only missing tags', () => {
    const plan = jobs.plan?.steps?.find((s) => s.id === 'images');
    expect(plan?.run).toContain('plan-images.ts --sha "$SHA" --registry "$REGISTRY"');
    const ensure = jobs.images?.steps?.find((s) => s.id === 'image');
    expect(ensure?.env).toEqual({ IMAGE: expr('matrix.image') });
  });
});
