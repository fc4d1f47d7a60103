import { describe, expect, it } from 'vitest';
import { checkWorkflow } from '../src/workflow-hygiene.ts';

describe('the delivery rules catch', () => {
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
      'a deploy without concurrency',
      minimal(`    environment: production\n    steps:\n${checkout}`),
      ['deploy-concurrency'],
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
  ])('%s', (_label, text, expected) => {
    expect(rules(text)).toEqual(expected);
  });
});

describe('the delivery rules see into reusable workflows', () => {
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

  it('refuses a call that grants less than a job of the called workflow declares', () => {
    const problems = checkWorkflow(caller('      contents: read\n'), 'x.yml', (path) => tree[path]);
    expect(problems.find((p) => p.rule === 'call-permissions')?.message).toBe(
      'job call: ./.github/workflows/called.yml job deploy needs id-token: write, which this job does not grant',
    );
  });
});
