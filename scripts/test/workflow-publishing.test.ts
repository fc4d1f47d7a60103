import { describe, expect, it } from 'vitest';
import { checkWorkflow } from '../src/workflow-hygiene.ts';
import { expr } from './workflow-files.ts';

// Workflows shaped like release.yml: one job per case, its permissions and steps varied.
const checkout =
  '      - uses: actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2\n        with:\n          persist-credentials: false\n';
const changesets = (extra = '') =>
  `      - id: changesets\n        uses: changesets/action@e0145edc7d9d8679003495b11f87bd8ef63c0cba # v1.5.3\n        with:\n          commitMode: github-api\n${extra}        env:\n          GITHUB_TOKEN: ${expr('secrets.GITHUB_TOKEN')}\n`;
const publish = '      - run: npx changeset publish\n';
const job = (id: string, permissions: string, steps: string, extra = '') =>
  `  ${id}:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n${extra}    permissions:\n${permissions}    steps:\n${checkout}${steps}`;
const workflow = (...jobs: string[]) =>
  `on: push\npermissions:\n  contents: read\njobs:\n${jobs.join('')}`;
const inRelease = '    environment: release\n    concurrency: release\n';
const versionGrant = '      contents: write\n      pull-requests: write\n';
const publishGrant = '      contents: read\n      id-token: write\n';

const releaseProblems = (text: string) =>
  checkWorkflow(text, 'release.yml')
    .filter((p) => p.rule === 'release-split')
    .map((p) => p.message);

describe('the release rules', () => {
  it('pass a version job without OIDC and a publishing job that reads only, in an environment', () => {
    const text = workflow(
      job('version', versionGrant, changesets()),
      job('publish', publishGrant, publish, inRelease),
    );
    expect(checkWorkflow(text, 'release.yml')).toEqual([]);
  });

  it('refuse one job that runs changesets/action and publishes with the OIDC token', () => {
    const text = workflow(
      job('release', `${versionGrant}      id-token: write\n`, changesets() + publish, inRelease),
    );
    expect(releaseProblems(text)).toEqual([
      'job release: changesets/action writes GITHUB_TOKEN into ~/.netrc; run it in a job without `id-token: write` and publish from another',
      'job release: publishes in the job that runs changesets/action; split them',
      "job release: a publishing job's permissions are exactly contents: read, id-token: write (has contents: write, pull-requests: write, id-token: write)",
    ]);
  });

  it('refuse changesets/action publishing through its publish input', () => {
    const text = workflow(
      job('version', versionGrant, changesets('          publish: npx changeset publish\n')),
    );
    expect(releaseProblems(text)).toEqual([
      'job version: changesets/action must not publish (`publish:`); a job of its own with `id-token: write` does',
    ]);
  });

  it('refuse a publishing job with a write scope besides the OIDC token, or outside an environment', () => {
    const writes = workflow(
      job(
        'publish',
        `${publishGrant}      contents: write\n`.replace('      contents: read\n', ''),
        publish,
        inRelease,
      ),
    );
    expect(releaseProblems(writes)).toEqual([
      "job publish: a publishing job's permissions are exactly contents: read, id-token: write (has id-token: write, contents: write)",
    ]);
    expect(releaseProblems(workflow(job('publish', publishGrant, publish)))).toEqual([
      "job publish: publishes outside an environment; name the one npm's trusted publisher trusts",
    ]);
  });
});
