import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtImageOutput, builtImageSlots } from '../src/built-images.ts';
import { localReader } from '../src/commands/check-workflows.ts';
import { checkWorkflow } from '../src/workflow-hygiene.ts';
import { expr, files, jobsOf, read, root } from './workflow-files.ts';

describe('deploy.yml', () => {
  const jobs = jobsOf('deploy.yml');
  const deploy = parse(read('deploy.yml')) as {
    on: Record<string, { inputs?: Record<string, unknown> }>;
  };

  it('tests, plans, builds and attests images, verifies them, then deploys staging and production', () => {
    expect(jobs.test?.uses).toBe('./.github/workflows/ci.yml');
    expect(jobs.plan?.needs).toBe('test');
    expect(jobs.images?.needs).toBe('plan');
    expect(jobs.verify?.needs).toEqual(['plan', 'images']);
    expect(jobs.staging?.needs).toEqual(['plan', 'images', 'verify']);
    expect(jobs.production?.needs).toEqual(['plan', 'images', 'verify', 'staging']);
  });

  it('builds and deploys on a manual run too, where the test job is skipped', () => {
    // GitHub skips a job whose ancestors include a skipped one unless its `if` uses always().
    const condition = (job: string) => String(jobs[job]?.if ?? '').replace(/\s+/g, ' ');
    for (const job of ['plan', 'images', 'verify', 'staging', 'production']) {
      expect(condition(job)).toMatch(/^always\(\) && /);
    }
    expect(condition('plan')).toContain(
      "needs.test.result == 'skipped' && github.event_name == 'workflow_dispatch'",
    );
    expect(condition('images')).toContain("needs.plan.result == 'success'");
    expect(condition('staging')).toContain(
      "needs.plan.result == 'success' && needs.images.result == 'success' && needs.verify.result == 'success' && !inputs.skip-staging",
    );
    expect(condition('production')).toContain(
      "needs.images.result == 'success' && needs.verify.result == 'success'",
    );
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
        built: expr('needs.verify.outputs.verified'),
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
      group: `deploy-${expr('inputs.environment')}`,
      'cancel-in-progress': false,
    });
  });

  it('gives packages: write to the image job only, held to main, and id-token: write to it and the deploy jobs only', () => {
    const scopes = Object.fromEntries(
      Object.entries(jobs).map(([id, job]) => [
        id,
        job.permissions as Record<string, string> | undefined,
      ]),
    );
    // id-token and attestations: the build provenance and SBOM attestations, signed keylessly.
    expect(scopes.images).toEqual({
      contents: 'read',
      packages: 'write',
      'id-token': 'write',
      attestations: 'write',
    });
    expect(scopes.verify).toEqual({ contents: 'read', packages: 'read', attestations: 'read' });
    expect(String(jobs.images?.if)).toContain("github.ref == 'refs/heads/main'");
    expect(scopes.plan).toEqual({ contents: 'read' });
    // No registry access: the digests come from the images job's outputs and the stack's record.
    const deploy = { contents: 'read', 'id-token': 'write' };
    expect(scopes.staging).toEqual(deploy);
    expect(scopes.production).toEqual(deploy);
  });

  it('attests build provenance and an SBOM for the digest the build reported, in the registry too', () => {
    const steps = jobs.images?.steps ?? [];
    const at = (name: string) => steps.findIndex((step) => step.name === name);
    const provenance = steps[at('Attest build provenance')];
    const sbom = steps[at('Attest the SBOM')];
    for (const step of [provenance, sbom]) {
      expect(step?.with).toMatchObject({
        'subject-name': expr('matrix.repository'),
        'subject-digest': expr('steps.build.outputs.digest'),
        'push-to-registry': true,
      });
    }
    expect(provenance?.uses).toMatch(/^actions\/attest-build-provenance@[0-9a-f]{40}$/);
    expect(sbom?.uses).toMatch(/^actions\/attest-sbom@[0-9a-f]{40}$/);
    const build = steps.findIndex((step) => step.id === 'build');
    expect(build).toBeLessThan(at('Attest build provenance'));
    expect(at('Attest the SBOM')).toBeLessThan(at('Record the digest the build reported'));
  });

  it('deploys only the images whose attestations verify-attestations checked', () => {
    const step = jobs.verify?.steps?.find((s) => s.id === 'verify');
    expect(step?.run).toContain(
      'verify-attestations.ts --built "$BUILT" --repository "$REPOSITORY"',
    );
    expect(step?.env).toMatchObject({
      BUILT: expr('toJSON(needs.images.outputs)'),
      REPOSITORY: expr('github.repository'),
    });
    expect(jobs.verify?.outputs).toEqual({ verified: expr('steps.verify.outputs.verified') });
  });

  it('deploy-stack declares its own least permissions, at the top and on its job', () => {
    const workflow = parse(read('deploy-stack.yml')) as { permissions?: unknown };
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(stack?.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
  });

  it('no workflow a pull request or another branch runs can write packages', () => {
    for (const name of [
      'ci.yml',
      'preview.yml',
      // upkeep
      'e2e-kind.yml',
      // /upkeep
      'deploy-stack.yml',
    ]) {
      expect(read(name)).not.toMatch(/packages:\s*write/);
    }
    const problems = files.flatMap((file) =>
      checkWorkflow(readFileSync(file, 'utf8'), file, localReader(root)),
    );
    expect(problems.filter((p) => p.rule === 'branch-packages')).toEqual([]);
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

  it("pins the stack to this run's build digests or the stack's own, then runs pulumi up in infra/services", () => {
    const steps = stack?.steps ?? [];
    const set = steps.findIndex((s) =>
      String(s.run ?? '').includes(
        'set-stack-images.ts --stack "$STACK" --sha "$SHA" --registry "$REGISTRY" --built "$BUILT"',
      ),
    );
    const install = steps.findIndex((s) => String(s.uses ?? '').startsWith('pulumi/actions@'));
    const up = steps.findIndex(
      (s) => (s.with as { command?: string } | undefined)?.command === 'up',
    );
    expect(install).toBeGreaterThan(-1);
    expect(set).toBeGreaterThan(install);
    expect(up).toBeGreaterThan(set);
    expect(steps[set]?.env).toMatchObject({
      STACK: expr('inputs.stack'),
      SHA: expr('inputs.sha'),
      BUILT: expr('inputs.built'),
    });
    expect(JSON.stringify(steps[set]?.env)).not.toContain('GITHUB_TOKEN');
    expect(steps[up]?.with).toMatchObject({
      'stack-name': expr('inputs.stack'),
      'work-dir': 'infra/services',
    });
    expect(steps[up]?.env).toMatchObject({
      PULUMI_CONFIG_PASSPHRASE: expr(
        "inputs.environment == 'production' && secrets.PULUMI_CONFIG_PASSPHRASE_PRODUCTION || secrets.PULUMI_CONFIG_PASSPHRASE_STAGING",
      ),
    });
    expect(steps[set]?.env).toMatchObject({
      PULUMI_CONFIG_PASSPHRASE: (steps[up]?.env as Record<string, string> | undefined)
        ?.PULUMI_CONFIG_PASSPHRASE,
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
    // Each cloud's step and inputs: cloud-registry.test.ts, from the contract's clouds.
  });

  it('builds every planned image and hands on the digest its build step reported, one output per slot', () => {
    const plan = jobs.plan?.steps?.find((s) => s.id === 'images');
    expect(plan?.run).toContain('plan-images.ts --sha "$SHA" --registry "$REGISTRY"');
    const steps = jobs.images?.steps ?? [];
    const build = steps.find((s) => s.id === 'build');
    expect(String(build?.uses)).toMatch(/^docker\/build-push-action@/);
    expect(build?.if).toBeUndefined(); // no "skip when the tag exists": a tag proves nothing
    const record = steps.find((s) => s.id === 'record');
    expect(record?.env).toEqual({
      IMAGE: expr('matrix.image'),
      DIGEST: expr('steps.build.outputs.digest'),
      SLOT: expr('matrix.slot'),
    });
    expect(record?.run).toContain('record-image.ts');
    expect(jobs.images?.outputs).toEqual(
      Object.fromEntries(
        Array.from({ length: builtImageSlots }, (_, n) => [
          builtImageOutput(n),
          expr(`steps.record.outputs.${builtImageOutput(n)}`),
        ]),
      ),
    );
  });

  it('keeps the build cache in the GitHub Actions cache, never in a registry tag', () => {
    const build = jobs.images?.steps?.find((s) => s.id === 'build');
    const withs = build?.with as Record<string, string>;
    expect(withs['cache-from']).toBe(`type=gha,scope=image-${expr('matrix.service')}`);
    expect(withs['cache-to']).toBe(`type=gha,scope=image-${expr('matrix.service')},mode=max`);
    for (const file of files) {
      expect(readFileSync(file, 'utf8')).not.toMatch(/type=registry|buildcache/);
    }
  });

  it('docs/rollbacks.md does not call registry tags immutable: every run pushes them again', () => {
    const rollbacks = readFileSync(join(root, 'docs/rollbacks.md'), 'utf8').replace(/\s+/g, ' ');
    expect(rollbacks).not.toMatch(/(?<!not )immutable/i);
    expect(rollbacks).toContain('a registry tag is **not immutable**');
  });
});
