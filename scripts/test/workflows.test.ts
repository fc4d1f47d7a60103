import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionlint } from '../src/actionlint.ts';
import { listActionFiles, localReader } from '../src/commands/check-workflows.ts';
import { checkWorkflow } from '../src/workflow-hygiene.ts';
import { expr, files, jobsOf, read, root } from './workflow-files.ts';

const actionFiles = listActionFiles(join(root, '.github/actions'));

describe('every workflow', () => {
  it('exists: ci, deploy, the reusable deploy-stack, the kind e2e, preview, preview-environment, release', () => {
    expect(files.map((f) => f.split('/').at(-1))).toEqual([
      'ci.yml',
      'deploy-stack.yml',
      'deploy.yml',
      // upkeep
      'e2e-kind.yml',
      // /upkeep
      'preview-environment.yml',
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

  it.each(files.map((f) => [f.split('/').at(-1), f]))(
    '%s passes actionlint',
    async (_name, file) => {
      const text = readFileSync(file as string, 'utf8');
      expect(await actionlint(text, file as string)).toEqual([]);
    },
  );

  it.each(files.map((f) => [f.split('/').at(-1), f]))(
    '%s passes the delivery rules',
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
    // Each `turbo run` of the script, joined by `&&` (the spike test runs alone, after the rest).
    const testTasks = rootPackage.scripts.test
      .split('&&')
      .flatMap((command) =>
        command
          .trim()
          .replace(/^(\w+=\S* )*turbo run /, '')
          .split(' '),
      )
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
    // A root task (knip) reads the whole repository: a run of only the affected workspaces
    // may leave it to a step of its own, `npm run <task>`.
    const rootTasks = Object.keys(
      (JSON.parse(readFileSync(join(root, 'turbo.json'), 'utf8')) as { tasks: object }).tasks,
    )
      .filter((task) => task.startsWith('//#'))
      .map((task) => task.slice(3));
    for (const run of runs) {
      const tasks = run.replace('npx turbo run ', '').split(' ');
      const ranApart = [
        ...rootTasks.filter((task) =>
          run.includes('--affected') ? steps.includes(`npm run ${task}`) : false,
        ),
        // A task that must run alone has a step of its own, for pushes and pull requests alike.
        ...testTasks.filter((task) => steps.includes(`npx turbo run ${task}`)),
      ];
      expect([...tasks, ...ranApart]).toEqual(expect.arrayContaining([...testTasks, 'build']));
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
    expect(job?.environment).toBe('preview');
    // Its own job: the comment's pull-requests: write must not reach deploy-stack's callers.
    expect(job?.permissions).toEqual({
      contents: 'read',
      'id-token': 'write',
      'pull-requests': 'write',
    });
    const steps = job?.steps ?? [];
    const set = steps.find((s) => String(s.run ?? '').includes('set-stack-images.ts'));
    expect(set?.run).toContain(
      '--stack staging --sha "$SHA" --registry "$REGISTRY" --preview true',
    );
    expect(set?.env).toMatchObject({ SHA: expr('github.event.pull_request.base.sha') });
    const pulumi = steps.find((s) => (s.with as { command?: string })?.command === 'preview');
    expect(pulumi?.with).toMatchObject({
      'stack-name': 'staging',
      'work-dir': 'infra/services',
      'comment-on-pr': true,
    });
    expect(read('preview.yml')).not.toContain('_PRODUCTION');
  });

  it("preview-environment's down and gc run the default branch's code, never a closed pull request's", () => {
    const jobs = jobsOf('preview-environment.yml');
    for (const id of ['down', 'gc']) {
      const checkout = (jobs[id]?.steps ?? []).find((s) =>
        String(s.uses ?? '').startsWith('actions/checkout@'),
      );
      expect(checkout?.with, id).toMatchObject({ 'persist-credentials': false });
      // gc runs on schedule, which checks out the default branch anyway.
      if (id === 'down')
        expect(checkout?.with).toMatchObject({
          ref: expr('github.event.repository.default_branch'),
        });
    }
  });

  it('release versions in one job and publishes from another, by npm trusted publishing from the release environment', () => {
    const { version, publish } = jobsOf('release.yml');
    // changesets/action writes GITHUB_TOKEN into ~/.netrc: its job gets no OIDC token.
    expect(version?.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    const changesets = (version?.steps ?? []).find((s) =>
      String(s.uses).startsWith('changesets/action@'),
    );
    expect(changesets?.with).toMatchObject({ commitMode: 'github-api' });
    expect(changesets?.with).not.toHaveProperty('publish');
    expect(version?.outputs).toEqual({ pending: expr('steps.changesets.outputs.hasChangesets') });

    expect(publish?.needs).toBe('version');
    expect(publish?.if).toBe("needs.version.outputs.pending == 'false'");
    expect(publish?.environment).toBe('release');
    expect(publish?.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const steps = publish?.steps ?? [];
    expect(steps.some((s) => String(s.uses).startsWith('changesets/action@'))).toBe(false);
    const runs = steps.map((s) => String(s.run ?? ''));
    const publishing = runs.findIndex((run) => run.includes('changeset publish'));
    expect(steps[publishing]?.env).toEqual({ NPM_CONFIG_PROVENANCE: 'true' });
    // The packages' repository fields are checked against this repository before npm sees them.
    const check = runs.indexOf(
      'node --conditions=@slipway/source scripts/src/bin/check-packages.ts',
    );
    expect(check).toBeGreaterThan(-1);
    expect(check).toBeLessThan(publishing);
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain('NPM_TOKEN');
  });
});
