import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionlint } from '../src/actionlint.js';
import { listActionFiles, localReader } from '../src/commands/check-workflows.js';
import { checkCompositeAction, checkWorkflow } from '../src/workflow-hygiene.js';
import { expr, files, jobsOf, read, root } from './workflow-files.js';

const actionFiles = listActionFiles(join(root, '.github/actions'));

describe('every workflow', () => {
  it('exists: ci, deploy, the reusable deploy-stack, the kind e2e, preview, release', () => {
    expect(files.map((f) => f.split('/').at(-1))).toEqual([
      'ci.yml',
      'deploy-stack.yml',
      'deploy.yml',
      'e2e-kind.yml',
      'preview.yml',
      'release.yml',
    ]);
  });

  it('shares one setup action and one cloud login action', () => {
    expect(actionFiles.map((f) => f.slice(root.length + 1))).toEqual([
      '.github/actions/cloud-login/action.yml',
      '.github/actions/setup/action.yml',
    ]);
  });

  it.each(actionFiles.map((f) => [f.split('/').at(-2), f]))(
    'the %s action passes the hygiene rules',
    (_name, file) => {
      expect(checkCompositeAction(readFileSync(file as string, 'utf8'), file as string)).toEqual(
        [],
      );
    },
  );

  it.each(files.map((f) => [f.split('/').at(-1), f]))(
    '%s passes actionlint',
    async (_name, file) => {
      const text = readFileSync(file as string, 'utf8');
      expect(await actionlint(text, file as string)).toEqual([]);
    },
  );

  it.each(files.map((f) => [f.split('/').at(-1), f]))(
    '%s passes the hygiene rules',
    (_name, file) => {
      const text = readFileSync(file as string, 'utf8');
      expect(checkWorkflow(text, file as string, localReader(root))).toEqual([]);
    },
  );
});

describe('actionlint (WebAssembly build)', () => {
  it('reports untrusted input expanded in a script and unknown keys', async () => {
    const broken = [
      'on: issues',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      `      - run: echo "${expr('github.event.issue.title')}"`,
      '        shell: bash',
      '        timeout: 3',
    ].join('\n');
    const findings = await actionlint(broken, 'broken.yml');
    expect(findings.map((f) => f.kind).sort()).toEqual(['expression', 'syntax-check']);
  });
});

describe('ci.yml, preview.yml and release.yml', () => {
  it('ci runs only the affected workspaces on pull requests, against the PR base', () => {
    const steps = jobsOf('ci.yml').verify?.steps ?? [];
    const affected = steps.find((s) => String(s.run ?? '').includes('--affected'));
    expect(affected?.if).toBe("github.event_name == 'pull_request'");
    expect(affected?.env).toMatchObject({
      TURBO_SCM_BASE: expr('github.event.pull_request.base.sha'),
    });
  });

  it("ci runs every task of the README's npm test, the end-to-end suites included, and builds", () => {
    const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: { test: string; pretest?: string };
    };
    const testTasks = rootPackage.scripts.test
      .replace(/^(\w+=\S* )*turbo run /, '')
      .split(' ')
      .filter((word) => !word.startsWith('-'));
    expect(testTasks).toContain('test:e2e');
    const runs = (jobsOf('ci.yml').verify?.steps ?? [])
      .map((s) => String(s.run ?? ''))
      .filter((run) => run.startsWith('npx turbo run lint'));
    expect(runs).toHaveLength(2);
    // What `npm test`'s pretest step does: the services' fuzz tests need schemathesis.
    const steps = (jobsOf('ci.yml').verify?.steps ?? []).map((s) => String(s.run ?? ''));
    const install = steps.findIndex((run) => run.includes('install-schemathesis.sh'));
    expect(rootPackage.scripts.pretest).toContain('install-schemathesis.sh');
    expect(install).toBeGreaterThan(-1);
    expect(install).toBeLessThan(steps.findIndex((run) => run.startsWith('npx turbo run lint')));
    for (const run of runs) {
      const tasks = run.replace('npx turbo run ', '').split(' ');
      expect(tasks).toEqual(expect.arrayContaining([...testTasks, 'build']));
    }
  });

  it('ci offers PostgreSQL to the tests through TEST_DATABASE_URL', () => {
    const verify = jobsOf('ci.yml').verify as {
      services: Record<string, unknown>;
      env: Record<string, string>;
    };
    expect(Object.keys(verify.services)).toEqual(['postgres']);
    expect(verify.env.TEST_DATABASE_URL).toMatch(/^postgres:\/\/.*@localhost:5432\//);
  });

  it('preview comments a staging preview, in the preview environment, on pull requests touching infra or a manifest', () => {
    const preview = parse(read('preview.yml')) as { on: { pull_request: { paths: string[] } } };
    expect(preview.on.pull_request.paths).toEqual(['infra/**', 'apps/*/service.yaml']);
    const job = jobsOf('preview.yml').preview;
    expect(job?.uses).toBe('./.github/workflows/deploy-stack.yml');
    expect(job?.with).toEqual({
      stack: 'staging',
      environment: 'preview',
      sha: expr('github.event.pull_request.base.sha'),
      preview: true,
    });
    expect(Object.keys(job?.secrets as Record<string, string>)).toEqual([
      'PULUMI_CONFIG_PASSPHRASE_STAGING',
      'PULUMI_ACCESS_TOKEN_STAGING',
    ]);
    const pulumi = (jobsOf('deploy-stack.yml').deploy?.steps ?? []).find((s) =>
      String(s.uses).startsWith('pulumi/actions@'),
    );
    expect(pulumi?.with).toMatchObject({
      command: expr("inputs.preview && 'preview' || 'up'"),
      'stack-name': expr('inputs.stack'),
      'comment-on-pr': expr('inputs.preview'),
    });
  });

  it('release publishes by npm trusted publishing from the release environment, with provenance and no token', () => {
    const job = jobsOf('release.yml').release;
    expect(job?.environment).toBe('release');
    expect(job?.permissions).toEqual({
      contents: 'write',
      'pull-requests': 'write',
      'id-token': 'write',
    });
    const steps = job?.steps ?? [];
    const changesets = steps.find((s) => String(s.uses).startsWith('changesets/action@'));
    expect(changesets?.with).toMatchObject({ commitMode: 'github-api' });
    const publish = steps.find((s) => String(s.run ?? '').includes('changeset publish'));
    expect(publish?.if).toBe("steps.changesets.outputs.hasChangesets == 'false'");
    expect(publish?.env).toEqual({ NPM_CONFIG_PROVENANCE: 'true' });
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain('NPM_TOKEN');
  });
});
