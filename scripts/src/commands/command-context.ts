import { scriptsRepoRoot } from '../repo-root.ts';

/** What a command reads from its surroundings, injectable so tests need no real process. */
export interface CommandContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly write: (text: string) => void;
}

/**
 * The real process's environment and stdout.
 * @example await main(argv, processContext());
 */
export function processContext(): CommandContext {
  return { env: process.env, write: (text) => process.stdout.write(text) };
}

/**
 * The repository root a command works on: `--root` when given, else the monorepo this
 * script lives in.
 * @example const root = rootFrom(values.root);
 */
export function rootFrom(flag: unknown): string {
  return typeof flag === 'string' && flag.trim() !== '' ? flag : scriptsRepoRoot();
}
