// The public API. The package is JavaScript (it is what runs TypeScript, so it cannot need a
// build itself); these declarations are its types, and its JavaScript is checked against them.

/** Options for {@link bundleSource}. */
export interface BundleOptions {
  /** Where the code will be saved: the inline source map's paths are relative to it. */
  readonly outfile: string;
}

/**
 * Bundles a TypeScript (or JavaScript) entry and the workspace sources it imports into one
 * ES module, in memory: workspace packages are read from their source (the
 * `@slipway/source` export condition), installed packages stay imports, by file URL, so the
 * code runs from any folder. Each bundled module keeps its own `import.meta.url`,
 * `dirname` and `filename`. The code runs on Node 24 as it is.
 * @returns the module's code, with an inline source map that points at the sources
 * @throws Error naming each file, line and problem when the sources do not compile or an
 *   import cannot be found
 * @example const code = await bundleSource('src/cli.ts', { outfile: '/tmp/cli.mjs' });
 */
export declare function bundleSource(entry: string | URL, options: BundleOptions): Promise<string>;

/**
 * Imports a TypeScript module from source, as `import()` imports JavaScript: bundled by
 * {@link bundleSource}, saved under the system's temporary folder while it loads and run by
 * Node itself, so no module hooks slow down the imports that follow. Stack traces point at
 * the sources: source maps are turned on for the process.
 * @returns the module's namespace
 * @throws Error as {@link bundleSource} does, and whatever the module throws as it loads
 * @example const { default: plopfile } = await importSource('/repo/generators/plopfile.ts');
 */
export declare function importSource(entry: string | URL): Promise<Record<string, unknown>>;

/**
 * Bundles an entry as {@link bundleSource} does and saves it under the system's temporary
 * folder, for a tool that takes a file (plop takes its plopfile's path). Source maps are
 * turned on for the process, and the file is removed when the process exits.
 * @returns the saved file's path
 * @throws Error as {@link bundleSource} does
 * @example const plopfile = await writeSourceBundle('/repo/generators/plopfile.ts');
 */
export declare function writeSourceBundle(entry: string | URL): Promise<string>;
