import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  exportedNames,
  readmeUsageProblems,
  readUsageWorkspaces,
  type UsageWorkspace,
  usageSection,
} from './readme-usage.ts';

const root = join(import.meta.dirname, '../..');
// Being removed (issue #19: one way to run TypeScript), so not documented further: delete this
// line with the folder (the last test below says when).
const workspaces = readUsageWorkspaces(root);
const rootScripts = Object.keys(
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: object }).scripts,
);

function workspace(readme: string | undefined): UsageWorkspace {
  return {
    dir: 'packages/money',
    name: '@acme/money',
    scripts: ['build', 'test'],
    readme,
    exportsOf: (subpath) => (subpath === '.' ? new Set(['formatMoney', 'Money']) : undefined),
  };
}
const fenced = (lang: string, code: string) => `\`\`\`${lang}\n${code}\n\`\`\``;

describe('the workspace READMEs', () => {
  it('should each show a true usage', () => {
    expect(readmeUsageProblems(workspaces, rootScripts)).toEqual([]);
  });

  it('should be read for every workspace of the root package.json', () => {
    const dirs = workspaces.map((w) => w.dir);
    expect(dirs).toEqual(expect.arrayContaining(['apps/orders', 'packages/config', 'scripts']));
  });

  it('should refuse a workspace without a README, a usage section, or an example in it', () => {
    const problems = readmeUsageProblems(
      [
        workspace(undefined),
        workspace('# money\n\n## Code tour\n'),
        workspace('# money\n\n## Usage\n\nCall formatMoney.\n\n## Code tour\n```sh\nls\n```\n'),
      ],
      rootScripts,
    );
    expect(problems).toEqual([
      'packages/money/README.md: missing; a workspace has a README',
      'packages/money/README.md: no "## Usage" section',
      'packages/money/README.md: "## Usage" shows no example (a fenced code block)',
    ]);
  });

  it('should refuse an import the package does not export, and a script nobody has', () => {
    const code = [
      "import { formatMoney, type Money, parseMoney } from '@acme/money';",
      "import { stub } from '@acme/money/testing';",
      'npm run build --workspace packages/money && npm run lint -w @acme/money',
      'npm run deploy',
      'npm run gen',
    ].join('\n');
    expect(
      readmeUsageProblems([workspace(`## Usage\n\n${fenced('ts', code)}\n`)], rootScripts),
    ).toEqual([
      "packages/money/README.md: imports parseMoney from '@acme/money', which does not export it",
      "packages/money/README.md: imports '@acme/money/testing', which @acme/money does not export",
      'packages/money/README.md: `npm run lint` names a script @acme/money does not have',
      'packages/money/README.md: `npm run deploy` names a script neither packages/money nor the root has',
    ]);
  });

  it('should end the section at the next heading, not at a # inside a code block', () => {
    const readme = `## Usage\n\n${fenced('sh', '# a comment\n## not a heading\nnpm test')}\n\n## Code tour\nrest`;
    expect(usageSection(readme)).toContain('npm test');
    expect(usageSection(readme)).not.toContain('rest');
  });

  it('should read the names a module exports, through export *', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readme-usage-'));
    writeFileSync(
      join(dir, 'index.ts'),
      [
        "export { a, type B, c as d } from './a.js';",
        "export * from './more.js';",
        'export function run() {}',
        'export interface Options {}',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'more.ts'),
      'export const more = 1;\nexport type { Other } from "./x.js";',
    );
    expect([...exportedNames(join(dir, 'index.ts'))].sort()).toEqual(
      ['B', 'Options', 'Other', 'a', 'd', 'more', 'run'].sort(),
    );
  });
});
