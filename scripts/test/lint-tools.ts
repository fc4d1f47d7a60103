import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './workflow-files.ts';

/**
 * The path of a linter from scripts/lint-tools/requirements.txt, installed into its cache folder
 * the first time (from PyPI) and reused after, offline.
 */
export function lintTool(name: 'zizmor' | 'hadolint'): string {
  const bin = execFileSync('bash', [join(root, 'scripts/install-lint-tools.sh')], {
    encoding: 'utf8',
  }).trim();
  return join(bin, name);
}
