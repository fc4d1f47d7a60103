import { spawn } from 'node:child_process';

/** Options of {@link runCommand}. */
export interface RunCommandOptions {
  readonly cwd: string;
  /** Default: this process's environment. */
  readonly env?: NodeJS.ProcessEnv;
  /** Written to stdin, then closed (a secret never goes on the command line). */
  readonly input?: string;
  /** Return stdout instead of showing it. */
  readonly capture?: boolean;
}

/**
 * Runs a command to its end without blocking the event loop: the load generator keeps sending
 * while `pulumi up` or `kind load` runs (a synchronous child process would freeze it). Output is
 * shown as it comes, stdout captured only when asked.
 * @throws Error naming the command and its exit code (or signal) when it does not exit 0.
 * @example const json = await runCommand('pulumi', ['stack', 'output', '--json'], { cwd, capture: true });
 */
export function runCommand(
  command: string,
  args: readonly string[],
  { cwd, env, input, capture = false }: RunCommandOptions,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd,
      env: env ?? process.env,
      stdio: [input === undefined ? 'ignore' : 'pipe', capture ? 'pipe' : 'inherit', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) =>
      reject(new Error(`could not run ${command}: ${error.message} (is it on PATH?)`)),
    );
    child.on('close', (code, signal) => {
      if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'));
      else
        reject(
          new Error(`${command} ${args[0] ?? ''} failed with ${signal ?? `exit code ${code}`}`),
        );
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}
