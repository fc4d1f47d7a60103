import { describe, expect, it } from 'vitest';
import { checkCompositeAction, checkWorkflow } from '../src/workflow-hygiene.js';
import { expr } from './workflow-files.js';

describe('the hygiene rules catch', () => {
  const minimal = (job: string, extra = '') =>
    `on: push\npermissions:\n  contents: read\n${extra}jobs:\n  a:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n${job}`;
  const checkout =
    '      - uses: actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2\n        with:\n          persist-credentials: false\n';
  const rules = (text: string) =>
    [...new Set(checkWorkflow(text, 'x.yml').map((p) => p.rule))].sort();
  const registryLogin =
    '      - uses: docker/login-action@650006c6eb7dba73a995cc03b0b2d7f5ca915bee # v4.2.0\n';

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
      minimal(`    permissions:\n      packages: write\n    steps:\n${checkout}`).replace(
        'on: push',
        'on:\n  push:\n    branches: [main]',
      ),
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
      'a reusable workflow job granting itself a scope without permissions at the top',
      'on: workflow_call\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n    permissions:\n      contents: read\n    steps:\n      - run: echo\n',
      ['top-permissions'],
    ],
    [
      'a reusable workflow leaving permissions to its caller',
      'on: workflow_call\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n    steps:\n      - run: echo\n',
      ['top-permissions'],
    ],
    [
      'a reusable workflow declaring its permissions',
      'on: workflow_call\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n    steps:\n      - run: echo\n',
      [],
    ],
    [
      'packages: write in a pull request workflow',
      minimal(`    permissions:\n      packages: write\n    steps:\n${registryLogin}`).replace(
        'on: push',
        'on: pull_request',
      ),
      ['branch-packages'],
    ],
    [
      'packages: write on pushes to every branch',
      minimal(`    permissions:\n      packages: write\n    steps:\n${registryLogin}`),
      ['branch-packages'],
    ],
    [
      'packages: write on a manual run that any branch can start',
      minimal(`    permissions:\n      packages: write\n    steps:\n${registryLogin}`).replace(
        'on: push',
        'on: workflow_dispatch',
      ),
      ['branch-packages'],
    ],
    [
      'packages: write on a manual run held to main',
      minimal(
        `    if: github.ref == 'refs/heads/main'\n    permissions:\n      packages: write\n    steps:\n${registryLogin}`,
      ).replace('on: push', 'on: workflow_dispatch'),
      [],
    ],
    [
      'packages: write on pushes to main',
      minimal(`    permissions:\n      packages: write\n    steps:\n${registryLogin}`).replace(
        'on: push',
        'on:\n  push:\n    branches: [main]',
      ),
      [],
    ],
    [
      'id-token: write for npm trusted publishing',
      minimal(
        '    environment: release\n    concurrency: release\n    permissions:\n      contents: read\n      id-token: write\n    steps:\n      - run: npx changeset publish\n',
      ),
      [],
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

describe('the hygiene rules see into local actions and reusable workflows', () => {
  const login = [
    'runs:',
    '  using: composite',
    '  steps:',
    '    - uses: azure/login@a457da9ea143d694b1b9c7c869ebb04ebe844ef5 # v2.3.0',
    '',
  ].join('\n');
  const called = [
    'on: workflow_call',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-24.04',
    '    timeout-minutes: 5',
    '    permissions:',
    '      contents: read',
    '      id-token: write',
    '    steps:',
    '      - uses: ./.github/actions/login',
    '',
  ].join('\n');
  const tree: Record<string, string> = {
    '.github/actions/login/action.yml': login,
    '.github/workflows/called.yml': called,
  };
  const caller = (scopes: string) =>
    `on:\n  push:\n    branches: [main]\npermissions:\n  contents: read\njobs:\n  call:\n    uses: ./.github/workflows/called.yml\n    permissions:\n${scopes}`;
  const rules = (text: string) =>
    checkWorkflow(text, 'x.yml', (path) => tree[path]).map((p) => p.rule);

  it('justifies id-token: write on a caller by the OIDC login inside the called workflow', () => {
    expect(rules(caller('      contents: read\n      id-token: write\n'))).toEqual([]);
  });

  it('asks the caller for id-token: write when the called workflow logs in', () => {
    expect(rules(caller('      contents: read\n')).sort()).toEqual([
      'call-permissions',
      'job-permissions',
    ]);
  });

  it('refuses a call that grants less than a job of the called workflow declares', () => {
    const problems = checkWorkflow(caller('      contents: read\n'), 'x.yml', (path) => tree[path]);
    expect(problems.find((p) => p.rule === 'call-permissions')?.message).toBe(
      'job call: ./.github/workflows/called.yml job deploy needs id-token: write, which this job does not grant',
    );
  });

  it('checks the called workflow itself: its job must hold id-token: write for its login', () => {
    const text = tree['.github/workflows/called.yml'] ?? '';
    const read = (path: string) => tree[path];
    expect(checkWorkflow(text, 'called.yml', read)).toEqual([]);
    const withoutGrant = text.replace('      id-token: write\n', '');
    expect(checkWorkflow(withoutGrant, 'called.yml', read).map((p) => p.rule)).toEqual([
      'job-permissions',
    ]);
  });

  it('refuses a write scope nothing in the called workflow uses', () => {
    expect(
      rules(caller('      contents: read\n      id-token: write\n      packages: write\n')),
    ).toEqual(['job-permissions']);
  });

  it('checks a composite action like a job: pins, credentials, no expression in run', () => {
    const broken = `runs:\n  using: composite\n  steps:\n    - uses: actions/checkout@v6\n    - run: echo "${expr('inputs.x')}"\n      shell: bash\n`;
    expect(checkCompositeAction(broken, 'a.yml').map((p) => p.rule)).toEqual([
      'pinned-actions',
      'checkout-credentials',
      'run-expressions',
    ]);
  });
});
