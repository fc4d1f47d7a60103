// @ts-check
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sourcePlugin } from './source-plugin.js';

/** The export condition under which workspace packages publish their TypeScript source. */
const sourceCondition = '@slipway/source';

/** @param {import('esbuild').Message} message */
function describe(message) {
  const { location } = message;
  const where = location
    ? `${relative(process.cwd(), location.file) || location.file}:${location.line}:${location.column + 1}: `
    : '';
  return `  ${where}${message.text}`;
}

/** @param {unknown} error */
function isBuildFailure(error) {
  return (
    typeof error === 'object' && error !== null && 'errors' in error && Array.isArray(error.errors)
  );
}

/** @type {typeof import('./index.js').bundleSource} */
export async function bundleSource(entry, { outfile }) {
  const path = entry instanceof URL ? fileURLToPath(entry) : entry;
  try {
    const result = await build({
      entryPoints: [path],
      outfile,
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      conditions: [sourceCondition],
      sourcemap: 'inline',
      sourcesContent: false,
      logLevel: 'silent',
      plugins: [sourcePlugin()],
    });
    const [output] = result.outputFiles;
    if (!output) throw new Error(`esbuild wrote nothing for ${path}`);
    return output.text;
  } catch (error) {
    if (!isBuildFailure(error)) throw error;
    const { errors } = /** @type {import('esbuild').BuildFailure} */ (error);
    throw new Error(
      `Cannot run ${relative(process.cwd(), path) || path}: its sources do not compile.\n${errors.map(describe).join('\n')}\nFix the files named above and run it again.`,
    );
  }
}
