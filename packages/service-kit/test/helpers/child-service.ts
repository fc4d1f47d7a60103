import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A fixture server running in its own Node process. */
export interface ChildService {
  readonly child: ChildProcess;
  readonly port: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves once a line containing `text` was written. */
  waitForOutput(text: string): Promise<void>;
  /** Resolves with the exit code once the process ended. */
  exited: Promise<number | null>;
}

/**
 * Runs `test/fixtures/<name>.ts` from source, after the modules `imports` names (`--import`),
 * and waits for it to print `port=<n>`.
 */
export async function spawnFixture(
  name: string,
  env: Record<string, string>,
  { imports = [] }: { imports?: readonly string[] } = {},
): Promise<ChildService> {
  const child = spawn(
    process.execPath,
    [
      ...imports.map((module) => `--import=${module}`),
      '--conditions=@slipway/source',
      `test/fixtures/${name}.ts`,
    ],
    { cwd: packageRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of [...waiters]) {
      if (output.includes(waiter.text)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const waitForOutput = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (output.includes(text)) return resolve();
      waiters.push({ text, resolve });
      void exited.then(() =>
        reject(new Error(`fixture exited before writing '${text}'. Output:\n${output}`)),
      );
    });
  await waitForOutput('port=');
  const port = Number(/port=(\d+)/.exec(output)?.[1]);
  return { child, port, output: () => output, waitForOutput, exited };
}
