import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess } from '../../src/control-plane/managed-process.ts';
import { type PulumiEnvironment, pulumiEnv } from '../../src/pulumi/stack-runner.ts';

/** What one `npm run preview -- …` printed and the step outputs it wrote for the workflow. */
export interface PreviewRun {
  readonly code: number | string;
  readonly log: string;
  /** `$GITHUB_OUTPUT`'s `key=value` lines, as the workflow reads them. */
  readonly outputs: Readonly<Record<string, string>>;
}

/**
 * Runs the preview CLI of the repository at `root` as the workflow does (`node
 * scripts/src/bin/preview.ts <args>`), against the suite's Pulumi state and cluster, in a
 * process torn down with the suite.
 * @example const { code, outputs } = await runPreviewCli(info, repoRoot, ['up', '--pr', '7', '--changed', 'orders']);
 */
export async function runPreviewCli(
  environment: PulumiEnvironment,
  root: string,
  args: readonly string[],
): Promise<PreviewRun> {
  const dir = mkdtempSync(join(environment.stateDir, 'preview-cli-'));
  const outputFile = join(dir, 'github-output');
  writeFileSync(outputFile, '');
  const logFile = join(dir, 'log');
  const child = startProcess({
    name: `preview ${args.join(' ')}`,
    command: process.execPath,
    args: ['--conditions=@slipway/source', join(root, 'scripts/src/bin/preview.ts'), ...args],
    logFile,
    cwd: root,
    env: { ...pulumiEnv(environment), GITHUB_OUTPUT: outputFile },
  });
  const code = await child.exited;
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { code, log: readFileSync(logFile, 'utf8'), outputs };
}
