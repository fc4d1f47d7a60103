import type { PlannedFile } from '../shared/change-plan.ts';
import type { RepoFiles } from '../shared/repo-files.ts';

/** Where GitHub reads code owners from. */
export const codeownersFile = '.github/CODEOWNERS';

const header = `# Who reviews what: GitHub requests a review from the owners of every changed path.
# The generators add a line for each service created with --owner.
`;

/**
 * `.github/CODEOWNERS` with a line that gives `folder` to `owner`, or nothing to change
 * when there is no owner or the line is already there.
 * @example addCodeowner(files, 'apps/billing', '@acme/payments') // [{ path: '.github/CODEOWNERS', content: '...' }]
 */
export function addCodeowner(files: RepoFiles, folder: string, owner: string): PlannedFile[] {
  if (owner === '') return [];
  const before = files.read(codeownersFile) ?? header;
  const line = `/${folder}/ ${owner}`;
  if (before.split('\n').includes(line)) return [];
  const separator = before === '' || before.endsWith('\n') ? '' : '\n';
  return [{ path: codeownersFile, content: `${before}${separator}${line}\n` }];
}
