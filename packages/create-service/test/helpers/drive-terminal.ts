import { spawn, spawnSync } from 'node:child_process';

/** One question of an interactive run: the text to wait for, then the keys to type. */
export interface Exchange {
  readonly waitFor: string;
  readonly keys: string;
}

/** A finished terminal session: everything it showed (colors removed) and its exit code. */
export interface TerminalRun {
  readonly code: number | null;
  readonly screen: string;
}

export const keys = { enter: '\r', down: '\u001b[B', space: ' ' } as const;

/** True when util-linux `script` can give a command a pseudo-terminal here. */
export const canDriveTerminal =
  process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences
const escapes = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]|\r/g;

/**
 * Runs `command` in a pseudo-terminal (util-linux `script`), as a person at a terminal
 * would: waits for each question's text to appear, then types its keys. No timing is
 * involved, only what the screen shows.
 * @example await driveTerminal('node cli.js', dir, [{ waitFor: 'Service name', keys: 'billing\r' }])
 */
export function driveTerminal(
  command: string,
  cwd: string,
  exchanges: readonly Exchange[],
  env: Record<string, string> = {},
): Promise<TerminalRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'script',
      ['-q', '-e', '-c', `stty cols 200 rows 50; ${command}`, '/dev/null'],
      {
        cwd,
        env: { ...process.env, ...env, TERM: 'xterm' },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let screen = '';
    let pending = '';
    let next = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString().replace(escapes, '');
      screen += text;
      pending += text;
      const exchange = exchanges[next];
      if (exchange && pending.includes(exchange.waitFor)) {
        next += 1;
        pending = '';
        child.stdin.write(exchange.keys);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      screen += chunk.toString().replace(escapes, '');
    });
    child.once('error', reject);
    child.once('close', (code) => {
      child.stdin.end();
      resolve({ code, screen });
    });
  });
}
