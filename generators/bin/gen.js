#!/usr/bin/env node
// `npm run gen [-- <generator> [-- --<option> <value> ...]]`: plop with this repository's
// TypeScript plopfile, writing relative to the repository root wherever it is started.
// Help and unknown generators or options are answered first (src/cli/gen-cli.ts), exit 1 on errors.
// Node runs the TypeScript itself; workspace packages resolve to their source through the
// `@slipway/source` condition, which the root .npmrc gives every process npm starts.
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

// Node's compile cache keeps the stripped and compiled modules for the next run (in the
// system's temporary folder): a warm run takes about a third less CPU.
enableCompileCache();

const plopfile = fileURLToPath(new URL('../plopfile.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

const { genCli } = await import('../src/cli/gen-cli.ts');
const exitCode = await genCli(process.argv.slice(2), {
  plopfile,
  root,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
if (exitCode !== undefined) {
  process.exitCode = exitCode;
} else {
  // plop reads its arguments when it is imported, so they are in place before the import.
  process.argv.splice(2, 0, '--plopfile', plopfile, '--dest', root);
  // Without a terminal the spinner would print a line per frame.
  if (!process.stderr.isTTY) process.argv.splice(2, 0, '--no-progress');
  const { Plop, run } = await import('plop');
  Plop.prepare({ cwd: root, configPath: plopfile }, (env) =>
    Plop.execute(env, (ready) => run(ready, undefined, false)),
  );
}
