import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedFile } from '../shared/change-plan.ts';

/** Where GitHub reads code owners from. */
export const codeownersFile = '.github/CODEOWNERS';

const header = `# Who reviews what: GitHub requests a review from the owners of every changed path.
# The generators add a line for each service created with --owner.
`;

/**
 * `.github/CODEOWNERS` with a line that gives `folder` to `owner`, or nothing to change
 * when there is no owner or the line is already there.
 * @example addCodeowner(repoRoot, 'apps/billing', '@acme/payments') // [{ path: '.github/CODEOWNERS', content: '...' }]
 */
export function addCodeowner(root: string, folder: string, owner: string): PlannedFile[] {
  if (owner === '') return [];
  const file = join(root, codeownersFile);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : header;
  const line = `/${folder}/ ${owner}`;
  if (before.split('\n').includes(line)) return [];
  const separator = before === '' || before.endsWith('\n') ? '' : '\n';
  return [{ path: codeownersFile, content: `${before}${separator}${line}\n` }];
}
