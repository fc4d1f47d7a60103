#!/usr/bin/env node
// `npm run init -- --scope <@scope> --registry <registry> --cloud <cloud>`: the init generator,
// through plop as `npm run gen` runs the others, writing relative to the repository root.
// Help and unknown options are answered first (the generators' gen CLI), exit 1 on errors.
// Node runs the TypeScript itself; workspace packages resolve to their source through the
// `@slipway/source` condition, which the root .npmrc gives every process npm starts.
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

enableCompileCache();

const plopfile = fileURLToPath(new URL('../plopfile.ts', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
// The gen CLI reads `<generator> -- <options>`: init is the only generator here.
const args = ['init', '--', ...process.argv.slice(2).filter((arg, i) => i > 0 || arg !== '--')];

const { genCli } = await import('../src/init-cli.ts');
const exitCode = await genCli(args, {
  plopfile,
  root,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
if (exitCode !== undefined) {
  process.exitCode = exitCode;
} else {
  // plop reads its arguments when it is imported, so they are in place before the import.
  process.argv.splice(2, Infinity, '--plopfile', plopfile, '--dest', root, ...args);
  // Without a terminal the spinner would print a line per frame.
  if (!process.stderr.isTTY) process.argv.splice(2, 0, '--no-progress');
  const { Plop, run } = await import('plop');
  Plop.prepare({ cwd: root, configPath: plopfile }, (env) =>
    Plop.execute(env, (ready) => run(ready, undefined, false)),
  );
}
