import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionlint } from '../src/actionlint.js';
import { checkWorkflow } from '../src/workflow-hygiene.js';
import { expr, files, jobsOf, read, root } from './workflow-files.js';

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
