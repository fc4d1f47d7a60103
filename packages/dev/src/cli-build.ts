import { relative } from 'node:path';
import { buildService, defaultAssets, defaultExternals } from './build-service.ts';
import { parseCliArgs } from './parse-cli-args.ts';

const help = `Usage: slipway-build [options]

Bundles the service in the current folder into one file, dist/index.js, and the
service kit's tracing entry point into dist/tracing.js, for
\`node --import ./dist/tracing.js dist/index.js\` (npm start, and the container's CMD).

Options:
  --entry <file>      entry module (default: src/index.ts)
  --out-dir <dir>     output folder, emptied first (default: dist)
  --external <pkg>    also load <pkg> from node_modules at run time (repeatable;
                      always external: ${defaultExternals.join(', ')})
  -h, --help          show this help

Folders copied into the output when present: ${defaultAssets.join(', ')}.`;

const values = parseCliArgs(
  {
    entry: { type: 'string' },
    'out-dir': { type: 'string' },
    external: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  },
  help,
);

if (values.help) {
  console.log(help);
} else {
  const started = performance.now();
  try {
    const result = await buildService({
      ...(values.entry && { entry: values.entry }),
      ...(values['out-dir'] && { outDir: values['out-dir'] }),
      external: values.external ?? [],
    });
    const kib = (result.bytes / 1024).toFixed(0);
    const copied = result.copied.length > 0 ? `, copied ${result.copied.join(', ')}` : '';
    const tracing = relative(process.cwd(), result.tracingFile);
    console.log(
      `built ${relative(process.cwd(), result.outfile)} (${kib} KiB${copied}) and ${tracing} in ${Math.round(performance.now() - started)} ms`,
    );
  } catch (error) {
    // esbuild has already printed its located errors.
    console.error(
      `slipway-build failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  }
}
