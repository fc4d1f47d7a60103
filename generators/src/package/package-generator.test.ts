import { describe, expect, it } from 'vitest';
import { memoryRepo } from '../testing/memory-repo.ts';
import { planPackage } from './package-generator.ts';

describe('planPackage, on a tree in memory', () => {
  it('renders the package folder and plans the changeset of its first release', () => {
    const repo = memoryRepo(
      { 'platform.json': '{ "scope": "@acme" }' },
      { templates: { 'package/package.json.hbs': '{ "name": "{{scope}}/{{name}}" }\n' } },
    );
    const answers = { name: 'money', description: 'Money amounts.', scope: '@acme' };
    expect(planPackage(answers, repo)).toEqual({
      directories: [
        {
          path: 'packages/money',
          files: [{ path: 'package.json', content: '{ "name": "@acme/money" }\n' }],
        },
      ],
      files: [
        {
          path: '.changeset/add-money.md',
          content: "---\n'@acme/money': minor\n---\n\nAdd @acme/money: Money amounts.\n",
        },
      ],
      removals: [],
    });
  });
});
