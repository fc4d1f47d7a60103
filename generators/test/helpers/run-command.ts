import { type ChildProcess, spawn } from 'node:child_process';

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal color codes
const ansiEscapes = /\u001b\[[0-9;]*m/g;

/**
 * The environment of a command run in a repository copy: this process's, less what the npm that
 * started the tests set from this repository's .npmrc (`node-options`, the source condition).
 * npm passes its config on to nested npm processes as `npm_config_*`, which would outrank the
 * copy's own .npmrc, whose condition differs once init has renamed the scope.
 */
function copyEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const {
    NODE_OPTIONS: _nodeOptions,
    npm_config_node_options: _npmNodeOptions,
    ...rest
  } = process.env;
  return { ...rest, ...env };
}

/** What a finished command printed (colors removed), and how it exited. */
export interface CommandRun {
  readonly code: number | null;
  readonly output: string;
}

/**
 * Runs a command without a terminal and collects stdout and stderr together.
 * @example const { code, output } = await runCommand('npx', ['turbo', 'run', 'test'], root);
 */
export function runCommand(
  command: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: copyEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output: output.replace(ansiEscapes, '') }));
  });
}

/** A started server process and the URL it logged. */
export interface StartedServer {
  readonly url: string;
  readonly child: ChildProcess;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts a built service and waits for its "listening" log line (the service kit logs its
 * URL as JSON), so the test knows the ephemeral port it chose.
 * @example const server = await startServer('apps/billing/dist/index.js', root, { PORT: '0' });
 */
export function startServer(
  entry: string,
  cwd: string,
  env: Record<string, string>,
): Promise<StartedServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], {
      cwd,
      env: copyEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    let logs = '';
    child.stdout.on('data', (chunk: Buffer) => {
      logs += chunk.toString();
      // Only whole lines: a chunk may end in the middle of one.
      for (const line of logs.split('\n').slice(0, -1)) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { url?: string; msg?: string };
        if (entry.url && entry.msg?.includes('listening')) {
          resolve({
            url: entry.url,
            child,
            stop: () => {
              child.kill('SIGTERM');
              return exited;
            },
          });
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      logs += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}:\n${logs}`)));
  });
}
