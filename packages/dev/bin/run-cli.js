import { existsSync } from 'node:fs';
import { enableCompileCache } from 'node:module';

/**
 * Runs one CLI of this package. Inside the Slipway repository Node runs its TypeScript source
 * itself (it strips the types), and workspace packages resolve to their source through the
 * `@slipway/source` export condition, which the root .npmrc gives every process npm starts
 * (`npm run dev`, `npx slipway-dev`); a published copy runs its compiled `dist/`.
 * @param {string} name The CLI module without extension, e.g. `cli-build`.
 */
export async function runCli(name) {
  // Node's compile cache keeps the stripped and compiled modules for the next run (in the
  // system's temporary folder).
  enableCompileCache();
  const source = new URL(`../src/${name}.ts`, import.meta.url);
  if (!existsSync(source)) {
    await import(new URL(`../dist/${name}.js`, import.meta.url).href);
    return;
  }
  if (!import.meta.resolve('@slipway/dev').endsWith('.ts')) {
    console.error(
      `${name.replace(/^cli-/, 'slipway-')}: run it through npm (npm run dev, npx slipway-dev), which passes Node ` +
        '--conditions=@slipway/source from .npmrc, or pass that flag to node yourself.',
    );
    process.exit(1);
  }
  await import(source.href);
}
