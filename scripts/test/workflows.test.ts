import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionlint } from '../src/actionlint.js';
import { listWorkflowFiles } from '../src/commands/check-workflows.js';
import { checkWorkflow } from '../src/workflow-hygiene.js';

// Builds `${{ inner }}` without writing a template placeholder inside a plain string.
const expr = (inner: string) => `\${{ ${inner} }}`;
const root = join(import.meta.dirname, '../..');
const files = listWorkflowFiles(join(root, '.github/workflows'));
const read = (name: string) => readFileSync(join(root, '.github/workflows', name), 'utf8');
type Job = Record<string, unknown> & { steps?: Record<string, unknown>[] };
const jobsOf = (name: string) => (parse(read(name)) as { jobs: Record<string, Job> }).jobs;

describe('every workflow', () => {
  it('exists: ci, deploy, preview, release', () => {
    expect(files.map((f) => f.split('/').at(-1))).toEqual([
      'ci.yml',
      'deploy.yml',
      'preview.yml',
      'release.yml',
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
    '%s passes the hygiene rules',
    (_name, file) => {
      expect(checkWorkflow(readFileSync(file as string, 'utf8'), file as string)).toEqual([]);
    },
  );
});

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

describe('the hygiene rules catch', () => {
  const minimal = (job: string, extra = '') =>
    `on: push\npermissions:\n  contents: read\n${extra}jobs:\n  a:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n${job}`;
  const checkout =
    '      - uses: actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2\n        with:\n          persist-credentials: false\n';
  const rules = (text: string) =>
    [...new Set(checkWorkflow(text, 'x.yml').map((p) => p.rule))].sort();

  it.each([
    ['a clean workflow', minimal(`    steps:\n${checkout}`), []],
    [
      'missing top-level permissions',
      minimal(`    steps:\n${checkout}`).replace('permissions:\n  contents: read\n', ''),
      ['top-permissions'],
    ],
    [
      'write-all at the top',
      minimal(`    steps:\n${checkout}`).replace(
        'permissions:\n  contents: read\n',
        'permissions: write-all\n',
      ),
      ['top-permissions'],
    ],
    [
      'a top-level write scope',
      minimal(`    steps:\n${checkout}`).replace('contents: read', 'contents: write'),
      ['top-permissions'],
    ],
    [
      'a tag instead of a SHA',
      minimal(
        '    steps:\n      - uses: actions/checkout@v6\n        with:\n          persist-credentials: false\n',
      ),
      ['pinned-actions'],
    ],
    [
      'a short SHA',
      minimal(
        '    steps:\n      - uses: actions/checkout@de0fac2 # v6.0.2\n        with:\n          persist-credentials: false\n',
      ),
      ['pinned-actions'],
    ],
    [
      'a SHA without its version comment',
      minimal(`    steps:\n${checkout.replace(' # v6.0.2', '')}`),
      ['pinned-actions'],
    ],
    [
      'checkout keeping credentials',
      minimal(`    steps:\n${checkout.replace('false', 'true')}`),
      ['checkout-credentials'],
    ],
    [
      'checkout with the default credentials',
      minimal(
        '    steps:\n      - uses: actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2\n',
      ),
      ['checkout-credentials'],
    ],
    [
      'event text inside run',
      minimal(`    steps:\n      - run: echo "${expr('github.event.pull_request.title')}"\n`),
      ['run-expressions'],
    ],
    [
      'a secret inside run',
      minimal(`    steps:\n      - run: deploy --token ${expr('secrets.TOKEN')}\n`),
      ['run-expressions'],
    ],
    [
      'pull_request_target',
      minimal(`    steps:\n${checkout}`).replace('on: push', 'on: pull_request_target'),
      ['dangerous-trigger'],
    ],
    [
      'id-token without an OIDC login',
      minimal(`    permissions:\n      id-token: write\n    steps:\n${checkout}`),
      ['job-permissions'],
    ],
    [
      'packages: write without a registry login',
      minimal(`    permissions:\n      packages: write\n    steps:\n${checkout}`),
      ['job-permissions'],
    ],
    [
      'an unneeded write scope',
      minimal(`    permissions:\n      actions: write\n    steps:\n${checkout}`),
      ['job-permissions'],
    ],
    [
      'an OIDC login without id-token',
      minimal(
        '    steps:\n      - uses: aws-actions/configure-aws-credentials@8df5847569e6427dd6c4fb1cf565c83acfa8afa7 # v6.0.0\n        with:\n          aws-region: eu-west-1\n',
      ),
      ['job-permissions'],
    ],
    [
      'a deploy without concurrency',
      minimal(`    environment: production\n    steps:\n${checkout}`),
      ['deploy-concurrency'],
    ],
    [
      'a job without a timeout',
      minimal(`    steps:\n${checkout}`).replace('    timeout-minutes: 5\n', ''),
      ['timeout'],
    ],
  ])('%s', (_label, text, expected) => {
    expect(rules(text)).toEqual(expected);
  });
});

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
      .replace(/^turbo run /, '')
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

  it('preview comments a staging preview on pull requests touching infra or a manifest', () => {
    const preview = parse(read('preview.yml')) as { on: { pull_request: { paths: string[] } } };
    expect(preview.on.pull_request.paths).toEqual(['infra/**', 'apps/*/service.yaml']);
    const pulumi = (jobsOf('preview.yml').preview?.steps ?? []).find((s) =>
      String(s.uses).startsWith('pulumi/actions@'),
    );
    expect(pulumi?.with).toMatchObject({
      command: 'preview',
      'stack-name': 'staging',
      'comment-on-pr': true,
    });
  });

  it('release versions and publishes with changesets and the NPM_TOKEN secret', () => {
    const step = (jobsOf('release.yml').release?.steps ?? []).find((s) =>
      String(s.uses).startsWith('changesets/action@'),
    );
    expect(step?.env).toMatchObject({ NPM_TOKEN: expr('secrets.NPM_TOKEN') });
    expect(step?.with).toMatchObject({
      publish: 'npx changeset publish',
      commitMode: 'github-api',
    });
  });
});
