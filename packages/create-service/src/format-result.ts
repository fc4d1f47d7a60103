import type { RunResult } from './generator-run.ts';

const list = (title: string, paths: readonly string[]) =>
  paths.length === 0 ? '' : `${title}\n${paths.map((p) => `  ${p}`).join('\n')}\n`;

/**
 * What the CLI prints at the end: the files and the next steps for people, or the whole
 * result as JSON for scripts.
 * @example formatResult(result, { json: true }) // '{\n  "generator": "service", ...'
 */
export function formatResult(result: RunResult, { json }: { json: boolean }): string {
  if (json) return `${JSON.stringify(result, null, 2)}\n`;
  const heading = result.dryRun ? '\nDry run: nothing was written.\n' : '\n';
  const verb = result.dryRun ? 'Would create' : 'Created';
  const steps = result.dryRun
    ? ''
    : `\nNext steps:\n${result.nextSteps.map((s, i) => `  ${i + 1}. ${s}`).join('\n')}\n`;
  return `${heading}${list(`${verb}:`, result.created)}${list(
    result.dryRun ? 'Would update:' : 'Updated:',
    result.updated,
  )}${steps}`;
}
