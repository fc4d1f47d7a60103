import { existsSync } from 'node:fs';

/**
 * Runs one CLI of this package. Inside the Slipway repository the TypeScript source is
 * there, so it runs from source (bundled in memory, workspace packages read from their
 * source); a published copy runs its compiled `dist/` instead.
 * @param {string} name The CLI module without extension, e.g. `cli-build`.
 */
export async function runCli(name) {
  const source = new URL(`../src/${name}.ts`, import.meta.url);
  if (!existsSync(source)) {
    await import(new URL(`../dist/${name}.js`, import.meta.url).href);
    return;
  }
  const { importSource } = await import('@slipway/run-source');
  await importSource(source);
}
