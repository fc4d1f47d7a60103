import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkflowsCommand, localReader } from '../src/commands/check-workflows.ts';
import {
  checkSecretScoping,
  isProductionSecret,
  secretsRead,
  type WorkflowSource,
} from '../src/workflow-secrets.ts';
import { recordingContext } from './fixture-repo.ts';
import { expr, files, read, root } from './workflow-files.ts';

// Deliberately broken workflows, as an in-memory `.github/workflows/` folder.
const header = (on: string) => `on: ${on}\npermissions:\n  contents: read\njobs:\n`;
const stepJob = (id: string, environment: string | undefined, secret: string) =>
  [
    `  ${id}:`,
    '    runs-on: ubuntu-24.04',
    '    timeout-minutes: 5',
    ...(environment ? [`    environment: ${environment}`] : []),
    '    steps:',
    '      - run: ./deploy.sh',
    '        env:',
    `          TOKEN: ${expr(`secrets.${secret}`)}`,
    '',
  ].join('\n');
const callJob = (with_: Record<string, string>, secrets: string) =>
  [
    '  call:',
    '    uses: ./.github/workflows/stack.yml',
    '    with:',
    ...Object.entries(with_).map(([k, v]) => `      ${k}: ${v}`),
    `    secrets:${secrets}`,
    '',
  ].join('\n');
const reusable = [
  'on:',
  '  workflow_call:',
  '    inputs:',
  '      environment: { type: string, required: true }',
  'jobs:',
  '  deploy:',
  '    runs-on: ubuntu-24.04',
  '    timeout-minutes: 5',
  `    environment: ${expr('inputs.environment')}`,
  '    steps:',
  '      - run: pulumi up',
  '        env:',
  `          PULUMI_CONFIG_PASSPHRASE: ${expr("inputs.environment == 'production' && secrets.PULUMI_CONFIG_PASSPHRASE_PRODUCTION || secrets.PULUMI_CONFIG_PASSPHRASE_STAGING")}`,
  '',
].join('\n');

function check(workflows: Record<string, string>) {
  const tree = Object.fromEntries(
    Object.entries(workflows).map(([name, text]) => [`.github/workflows/${name}`, text]),
  );
  const sources: WorkflowSource[] = Object.entries(tree).map(([file, text]) => ({ file, text }));
  return checkSecretScoping(sources, (path) => tree[path]);
}

describe('the secret-scoping rules report', () => {
  it('a pull request job reading the production passphrase, naming workflow, job, secret and fix', () => {
    const problems = check({
      'pr.yml':
        header('pull_request') + stepJob('plan', 'preview', 'PULUMI_CONFIG_PASSPHRASE_PRODUCTION'),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.rule).toBe('pull-request-secrets');
    expect(problems[0]?.message).toContain('workflow .github/workflows/pr.yml, job plan');
    expect(problems[0]?.message).toContain('reads secrets.PULUMI_CONFIG_PASSPHRASE_PRODUCTION');
    expect(problems[0]?.message).toContain('unlocks production');
    expect(problems[0]?.message).toContain('`preview` environment and staging secrets');
  });

  it('a job reading a secret without an environment, with the command that fixes it', () => {
    const problems = check({ 'push.yml': header('push') + stepJob('ship', undefined, 'API_KEY') });
    expect(problems).toEqual([
      {
        file: '.github/workflows/push.yml',
        rule: 'secret-environment',
        message: expect.stringMatching(
          /^workflow \.github\/workflows\/push\.yml, job ship: reads secrets\.API_KEY without an environment; .*gh secret set NAME --env <name>/,
        ),
      },
    ]);
  });

  it('a pull request job reading any secret outside an environment, by both rules', () => {
    const rules = check({
      'ci.yml': header('pull_request') + stepJob('verify', undefined, 'TURBO_TOKEN'),
    }).map((p) => p.rule);
    expect(rules.sort()).toEqual(['pull-request-secrets', 'secret-environment']);
  });

  it('a reusable workflow that a pull request calls with secrets: inherit, in the called file', () => {
    const problems = check({
      'pr.yml': header('pull_request') + callJob({ environment: 'preview' }, ' inherit'),
      'stack.yml': reusable,
    });
    expect(problems.map((p) => [p.file, p.rule])).toEqual([
      ['.github/workflows/stack.yml', 'pull-request-secrets'],
    ]);
    expect(problems[0]?.message).toContain(
      'job deploy (reached from a pull request through .github/workflows/pr.yml → .github/workflows/stack.yml): reads secrets.PULUMI_CONFIG_PASSPHRASE_PRODUCTION',
    );
  });

  it('a pull request passing the production secret by name to a reusable workflow', () => {
    const problems = check({
      'pr.yml':
        header('pull_request') +
        callJob(
          { environment: 'preview' },
          `\n      PULUMI_CONFIG_PASSPHRASE_PRODUCTION: ${expr('secrets.PULUMI_CONFIG_PASSPHRASE_PRODUCTION')}`,
        ),
      'stack.yml': reusable,
    });
    expect(problems.map((p) => p.file)).toContain('.github/workflows/pr.yml');
    expect(problems.map((p) => p.message).join('\n')).toMatch(
      /job call .*passes secrets\.PULUMI_CONFIG_PASSPHRASE_PRODUCTION to \.\/\.github\/workflows\/stack\.yml/,
    );
  });

  it('a pull request running a reusable workflow in the production environment', () => {
    const problems = check({
      'pr.yml':
        header('pull_request') +
        callJob(
          { environment: 'production' },
          `\n      PULUMI_CONFIG_PASSPHRASE_STAGING: ${expr('secrets.PULUMI_CONFIG_PASSPHRASE_STAGING')}`,
        ),
      'stack.yml': reusable,
    });
    expect(problems.map((p) => p.message).join('\n')).toContain(
      'runs in the production environment',
    );
  });

  it('an environment a pull request path cannot resolve, and a computed secret name', () => {
    const messages = check({
      'pr.yml':
        header('pull_request') +
        stepJob('a', expr('github.head_ref'), 'PULUMI_CONFIG_PASSPHRASE_STAGING') +
        stepJob('b', 'preview', 'X').replace('secrets.X', 'secrets[github.head_ref]'),
    }).map((p) => p.message);
    expect(messages.join('\n')).toContain('which cannot be resolved here');
    expect(messages.join('\n')).toContain('reads a secret by a computed name');
  });
});

describe('the secret-scoping rules accept', () => {
  const staging = `\n      PULUMI_CONFIG_PASSPHRASE_STAGING: ${expr('secrets.PULUMI_CONFIG_PASSPHRASE_STAGING')}`;
  const production = `\n      PULUMI_CONFIG_PASSPHRASE_PRODUCTION: ${expr('secrets.PULUMI_CONFIG_PASSPHRASE_PRODUCTION')}`;

  it('a pull request lifting only staging names into a reusable workflow run in preview', () => {
    expect(
      check({
        'pr.yml': header('pull_request') + callJob({ environment: 'preview' }, staging),
        'stack.yml': reusable,
      }),
    ).toEqual([]);
  });

  it('a push to main lifting production names into the same workflow run in production', () => {
    expect(
      check({
        'deploy.yml': header('push') + callJob({ environment: 'production' }, production),
        'stack.yml': reusable,
      }),
    ).toEqual([]);
  });
});

describe('secret names', () => {
  it.each([
    [`${expr('secrets.A || secrets.GITHUB_TOKEN')}`, ['A']],
    [`${expr("secrets['B']")} ${expr('secrets["C"]')}`, ['B', 'C']],
    [`${expr('secrets[inputs.name]')}`, ['*']],
    ['no secret here', []],
  ])('%s reads %j', (text, names) => {
    expect(secretsRead({ env: { X: text } })).toEqual(names);
  });

  it.each([
    ['PULUMI_CONFIG_PASSPHRASE_PRODUCTION', true],
    ['PULUMI_ACCESS_TOKEN_PRODUCTION', true],
    ['PROD_KUBECONFIG', true],
    ['PULUMI_CONFIG_PASSPHRASE_STAGING', false],
    ['PRODUCT_API_KEY', false],
  ])('%s unlocks production: %s', (name, expected) => {
    expect(isProductionSecret(name)).toBe(expected);
  });
});

describe("this repository's workflows", () => {
  const sources = files.map((f) => {
    const name = f.split('/').at(-1) ?? f;
    return { file: `.github/workflows/${name}`, text: read(name) };
  });

  it('pass the secret-scoping rules', () => {
    expect(checkSecretScoping(sources, localReader(root))).toEqual([]);
  });

  it('would fail them if the preview lifted a production secret', () => {
    const broken = sources.map((s) =>
      s.file.endsWith('preview.yml')
        ? { ...s, text: s.text.replaceAll('_STAGING', '_PRODUCTION') }
        : s,
    );
    expect(checkSecretScoping(broken, localReader(root)).map((p) => p.rule)).toContain(
      'pull-request-secrets',
    );
  });
});

describe('check-workflows', () => {
  it('fails on a repository whose pull request workflow reads the production passphrase, saying where and how to fix it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-check-secrets-'));
    try {
      mkdirSync(join(dir, '.github/workflows'), { recursive: true });
      writeFileSync(
        join(dir, '.github/workflows/pr.yml'),
        header('pull_request') + stepJob('plan', undefined, 'PULUMI_CONFIG_PASSPHRASE_PRODUCTION'),
      );
      const run = checkWorkflowsCommand(['--root', dir], recordingContext());
      await expect(run).rejects.toThrow(
        /\.github\/workflows\/pr\.yml: \[pull-request-secrets\] workflow \.github\/workflows\/pr\.yml, job plan .*reads secrets\.PULUMI_CONFIG_PASSPHRASE_PRODUCTION, which unlocks production/,
      );
      await expect(checkWorkflowsCommand(['--root', dir], recordingContext())).rejects.toThrow(
        /\[secret-environment\] .*job plan: reads secrets\.PULUMI_CONFIG_PASSPHRASE_PRODUCTION without an environment/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
