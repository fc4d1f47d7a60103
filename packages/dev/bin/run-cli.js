import { existsSync } from 'node:fs';
import { register } from 'node:module';

/**
 * Runs one CLI of this package. Inside the Slipway repository the TypeScript source is
 * there, so it runs through tsx with workspace packages read from their source (the
 * "@slipway/source" condition); a published copy runs its compiled `dist/` instead.
 * @param {string} name The CLI module without extension, e.g. `cli-build`.
 */
export async function runCli(name) {
  const source = new URL(`../src/${name}.ts`, import.meta.url);
  if (!existsSync(source)) {
    await import(new URL(`../dist/${name}.js`, import.meta.url).href);
    return;
  }
  register(new URL('./source-condition-hooks.js', import.meta.url));
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  await import(source.href);
}
