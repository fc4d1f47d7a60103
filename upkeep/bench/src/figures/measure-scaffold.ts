import { spawn } from 'node:child_process';
import { copyRepository } from '@slipway/generators';
import { readPlatformFile } from '@slipway/platform-contract';

/** How long scaffolding a service takes, each figure from the start of `npm create`. */
export interface ScaffoldTimings {
  /** Until the new service's files are on disk. Target: under 2 s. */
  readonly filesWrittenMs: number;
  /** Until `npm create` exits, the workspace linked by `npm install --offline`. */
  readonly linkedMs: number;
  /** Until the new service's typecheck, lint, tests and build pass through turbo. Target: under 15 s. */
  readonly greenMs: number;
  /** Copying and installing the repository first (not part of the figures above). */
  readonly copyMs: number;
}

/** Options for {@link measureScaffold}. */
export interface MeasureScaffoldOptions {
  /** The repository to copy; nothing is written into it. */
  readonly repoRoot: string;
  /** The service to scaffold in the copy. Default: `bench-scaffold`. */
  readonly name?: string;
}

function run(command: string, args: readonly string[], cwd: string) {
  return new Promise<{ code: number | null; stdout: string; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, output }));
  });
}

/**
 * Times `npm create <scope>/service` in a temporary copy of the repository, as a person would
 * run it: from the command to files written, to the workspace linked, and to the new
 * service green (typecheck, lint, tests and build through turbo, with a cold cache).
 * The copy is removed afterwards.
 * @throws Error with the command's output when a step fails.
 * @example const { filesWrittenMs, greenMs } = await measureScaffold({ repoRoot });
 */
export async function measureScaffold({
  repoRoot,
  name = 'bench-scaffold',
}: MeasureScaffoldOptions): Promise<ScaffoldTimings> {
  const copyStarted = Date.now();
  const copy = copyRepository(repoRoot);
  const copyMs = Date.now() - copyStarted;
  try {
    const { scope } = readPlatformFile(copy.root);
    const started = Date.now();
    const created = await run(
      'npm',
      // --silent: npm prints no banner, so stdout is only the CLI's JSON.
      ['--silent', 'create', `${scope}/service`, '--', '--name', name, '--yes', '--json'],
      copy.root,
    );
    const linkedMs = Date.now() - started;
    if (created.code !== 0) throw new Error(`npm create failed:\n${created.output}`);
    const { writtenAt } = JSON.parse(created.stdout) as { writtenAt: number };
    const green = await run(
      'npx',
      ['turbo', 'run', 'typecheck', 'lint', 'test', 'build', `--filter=${name}`],
      copy.root,
    );
    const greenMs = Date.now() - started;
    if (green.code !== 0) throw new Error(`the new service is not green:\n${green.output}`);
    return { filesWrittenMs: writtenAt - started, linkedMs, greenMs, copyMs };
  } finally {
    copy.remove();
  }
}
