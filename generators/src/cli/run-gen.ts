import { genCli } from './gen-cli.ts';

/** What a bin that runs plop generators needs: its plopfile and where they write. */
export interface RunGenOptions {
  /** The plopfile's path, as plop itself loads it. */
  readonly plopfile: string;
  /** The repository root: the generators' destination. */
  readonly root: string;
}

/**
 * A generators bin from start to end (`npm run gen`, init's): answers help and bad arguments
 * itself (exit code 1 on errors), else hands the arguments to plop, which asks and runs.
 * @example await runGen(process.argv.slice(2), { plopfile, root });
 */
export async function runGen(args: readonly string[], { plopfile, root }: RunGenOptions) {
  const exitCode = await genCli(args, {
    plopfile,
    root,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  if (exitCode !== undefined) {
    process.exitCode = exitCode;
    return;
  }
  // plop reads its arguments when it is imported, so they are in place before the import.
  process.argv.splice(2, Infinity, '--plopfile', plopfile, '--dest', root, ...args);
  // Without a terminal the spinner would print a line per frame.
  if (!process.stderr.isTTY) process.argv.splice(2, 0, '--no-progress');
  const { Plop, run } = await import('plop');
  Plop.prepare({ cwd: root, configPath: plopfile }, (env) =>
    Plop.execute(env, (ready) => run(ready, undefined, false)),
  );
}
