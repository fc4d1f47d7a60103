import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localReader } from '../src/commands/check-workflows.ts';
import { checkForkReach, isSameRepositoryGuard } from '../src/workflow-fork-reach.ts';
import type { WorkflowSource } from '../src/workflow-secrets.ts';
import { expr, files, root } from './workflow-files.ts';

const guard = 'github.event.pull_request.head.repo.full_name == github.repository';
const job = (id: string, lines: readonly string[]) =>
  [`  ${id}:`, '    runs-on: ubuntu-24.04', ...lines.map((l) => `    ${l}`), ''].join('\n');
const workflow = (on: string, ...jobs: string[]) =>
  `on: ${on}\npermissions:\n  contents: read\njobs:\n${jobs.join('')}`;
const readsSecret = [
  'steps:',
  '  - run: ./up.sh',
  '    env:',
  `      TOKEN: ${expr('secrets.PULUMI_ACCESS_TOKEN_STAGING')}`,
];

function check(workflows: Record<string, string>) {
  const tree = Object.fromEntries(
    Object.entries(workflows).map(([name, text]) => [`.github/workflows/${name}`, text]),
  );
  const sources: WorkflowSource[] = Object.entries(tree).map(([file, text]) => ({ file, text }));
  return checkForkReach(sources, (path) => tree[path]);
}

describe('the fork pull request rules report', () => {
  it('a job a fork can start that reads a secret, even in the preview environment', () => {
    const problems = check({
      'pr.yml': workflow('pull_request', job('up', ['environment: preview', ...readsSecret])),
    });
    expect(problems.map((p) => p.rule)).toEqual(['fork-pull-request']);
    expect(problems[0]?.message).toContain('job up');
    expect(problems[0]?.message).toContain(
      'secrets.PULUMI_ACCESS_TOKEN_STAGING and a fork can start it',
    );
    expect(problems[0]?.message).toContain(guard);
  });

  it('a pull request job in an environment other than preview, guarded or not', () => {
    const problems = check({
      'pr.yml': workflow(
        'pull_request',
        job('deploy', [`if: ${guard}`, 'environment: staging', ...readsSecret]),
        job('open', ['environment: { name: production }']),
      ),
    });
    expect(problems.map((p) => `${p.rule} ${p.message.match(/job \w+/)?.[0]}`)).toEqual([
      'pull-request-environment job deploy',
      'pull-request-environment job open',
    ]);
  });

  it('secrets a fork-reachable job hands to a reusable workflow, and its environment resolved through inputs', () => {
    const called = [
      'on:',
      '  workflow_call:',
      '    inputs: { environment: { type: string, required: true } }',
      'jobs:',
      job('apply', [`environment: ${expr('inputs.environment')}`, ...readsSecret]),
    ].join('\n');
    const problems = check({
      'pr.yml': workflow(
        'pull_request_target',
        [
          '  call:',
          '    uses: ./.github/workflows/stack.yml',
          '    with: { environment: staging }',
          '    secrets: inherit',
          '',
        ].join('\n'),
      ),
      'stack.yml': called,
    });
    expect(problems.map((p) => `${p.file} ${p.rule}`)).toEqual([
      '.github/workflows/pr.yml fork-pull-request',
      '.github/workflows/stack.yml pull-request-environment',
      '.github/workflows/stack.yml fork-pull-request',
    ]);
  });

  it('nothing for a guarded job in preview, nor for workflows no pull request starts', () => {
    expect(
      check({
        'pr.yml': workflow(
          'pull_request',
          job('up', [
            `if: ${guard} && github.event.action != 'closed'`,
            'environment: preview',
            ...readsSecret,
          ]),
        ),
        'main.yml': workflow('push', job('deploy', ['environment: production', ...readsSecret])),
      }),
    ).toEqual([]);
  });

  it.each([
    [guard, true],
    ['github.repository == github.event.pull_request.head.repo.full_name', true],
    ['!github.event.pull_request.head.repo.fork', true],
    [`${guard} || github.event_name == 'pull_request'`, false],
    ["github.event_name == 'pull_request'", false],
    ["github.event_name == 'schedule'", true],
    [`${guard} && github.event.action != 'closed'`, true],
    [`github.event.action != 'closed' && (${guard})`, true],
    [`\${{ ${guard} }}`, true],
    [`!(${guard})`, false],
    [`! (${guard})`, false],
    [`!(${guard}) && github.event.action != 'closed'`, false],
    ['github.event.pull_request.head.repo.full_name != github.repository', false],
    ['github.repository != github.event.pull_request.head.repo.full_name', false],
    ["github.event_name != 'schedule'", false],
    ["!(github.event_name == 'schedule')", false],
    ['!(!github.event.pull_request.head.repo.fork)', false],
    ['github.event.pull_request.head.repo.fork == false', true],
    ['github.event.pull_request.head.repo.fork != false', false],
    [`${guard}_suffix`, false],
  ])('reads %j as a same-repository guard: %s', (condition, expected) => {
    expect(isSameRepositoryGuard(condition)).toBe(expected);
  });

  it("passes this repository's workflows", () => {
    const sources = files.map((file) => ({
      file: `.github/workflows/${file.split('/').at(-1)}`,
      text: readFileSync(file, 'utf8'),
    }));
    expect(checkForkReach(sources, localReader(root))).toEqual([]);
  });
});
