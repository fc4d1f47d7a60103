import { spawn } from 'node:child_process';

/** Options for {@link linkWorkspaces}. */
export interface LinkOptions {
  /** Where npm's progress goes: the terminal, or stderr to keep stdout for `--json`. */
  readonly output?: 'inherit' | 'stderr';
}

/** The npm that runs us (`npm create`, `npm run`), else the one on PATH. */
function npmCommand(): { command: string; args: string[] } {
  const execPath = process.env.npm_execpath;
  return execPath?.endsWith('.js')
    ? { command: process.execPath, args: [execPath] }
    : { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: [] };
}

/**
 * Links new or renamed workspaces with `npm install --offline`: every dependency of a
 * generated service or package is already in the lockfile and the npm cache, so it needs
 * no network and only adds links and lockfile entries. npm's progress is shown.
 * @throws Error with npm's exit code and the command to run by hand.
 * @example await linkWorkspaces(repoRoot);
 */
export function linkWorkspaces(root: string, { output = 'inherit' }: LinkOptions = {}) {
  const { command, args } = npmCommand();
  const npmArgs = [...args, 'install', '--offline', '--no-audit', '--no-fund'];
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, npmArgs, {
      cwd: root,
      stdio: ['ignore', output === 'stderr' ? process.stderr : 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `npm install --offline failed (${signal ?? `exit code ${code}`}); the files are written: run \`npm install\` at the repository root to link them.`,
          ),
        );
    });
  });
}
