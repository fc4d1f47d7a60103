import { cpSync, existsSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { zodLocalesOnDemand } from './zod-locales-on-demand.ts';

/**
 * Packages never bundled: PGlite loads its WebAssembly and data files from beside its own
 * module, and `pg-native` is an optional add-on that `pg` only loads when asked to.
 */
export const defaultExternals: readonly string[] = ['@electric-sql/pglite', 'pg-native'];

/**
 * The service kit's tracing entry point, bundled into `dist/tracing.js`: the image starts a
 * service with `node --import ./dist/tracing.js dist/index.js`, and its `node_modules` hold only
 * what the bundle leaves external, so the entry point must be a bundle of its own beside it.
 */
const tracingEntry = '@slipway/service-kit/tracing';

/** Folders copied next to the bundle when a service has them. */
export const defaultAssets: readonly string[] = ['migrations'];

// Bundled CommonJS dependencies call require(); an ES module has none of its own.
const requireBanner =
  "import { createRequire as __slipwayCreateRequire } from 'node:module';\n" +
  'const require = __slipwayCreateRequire(import.meta.url);';

/** Options for {@link buildService}. */
export interface BuildServiceOptions {
  /** The service folder. Default: the current directory. */
  readonly serviceDir?: string;
  /** The entry module, relative to the service folder. Default: `src/index.ts`. */
  readonly entry?: string;
  /** The output folder, emptied first, relative to the service folder. Default: `dist`. */
  readonly outDir?: string;
  /** Packages to load from `node_modules` at run time, added to {@link defaultExternals}. */
  readonly external?: readonly string[];
  /** Folders to copy into the output when they exist. Default: {@link defaultAssets}. */
  readonly assets?: readonly string[];
}

/** What a build wrote. */
export interface BuildResult {
  /** The bundle's absolute path. */
  readonly outfile: string;
  readonly bytes: number;
  /** The tracing entry point's bundle ({@link tracingEntry}), beside `outfile`. */
  readonly tracingFile: string;
  /** Asset folders copied, relative to the service folder. */
  readonly copied: readonly string[];
  /** Packages left external. */
  readonly external: readonly string[];
}

// The same output settings for the service and its tracing entry point.
function bundleOptions(externals: readonly string[]): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The oldest Node the bundle runs on: the repository's floor (.nvmrc).
    target: 'node24',
    conditions: ['@slipway/source'],
    external: [...externals],
    banner: { js: requireBanner },
    // Whitespace and syntax minified: a smaller file parses faster at start-up. Identifiers
    // are not renamed, so stack traces and `err.type` in logs keep their names without
    // esbuild's keepNames, whose `__name()` call runs each time a function is created (about
    // 10 µs of every request, measured with `npm run bench -- post`). The source map maps
    // positions back to TypeScript.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: false,
    sourcemap: true,
    plugins: [zodLocalesOnDemand],
  };
}

/** Bundles {@link tracingEntry} as the service resolves it: the kit version the service uses. */
async function buildTracingEntry(root: string, outfile: string, externals: readonly string[]) {
  try {
    await build({
      ...bundleOptions(externals),
      stdin: {
        contents: `import '${tracingEntry}';\n`,
        resolveDir: root,
        sourcefile: 'tracing.js',
      },
      outfile,
      logLevel: 'silent',
    });
  } catch (error) {
    const unresolved = error instanceof Error && error.message.includes('Could not resolve');
    if (!unresolved) throw error;
    const kit = tracingEntry.slice(0, tracingEntry.lastIndexOf('/'));
    throw new Error(
      `${relative(root, outfile)} bundles ${tracingEntry}, which ${root} cannot resolve: add "${kit}" to its dependencies (and run npm install); the image starts the service with node --import ./dist/tracing.js`,
    );
  }
}

/**
 * Bundles a service into one minified ES module (`dist/index.js` with a source map) for Node 24,
 * reading workspace packages from source, with the kit's tracing entry point beside it
 * (`dist/tracing.js`, for `node --import`), and copies its asset folders beside them.
 * @example const { outfile } = await buildService({ serviceDir: 'apps/orders' });
 */
export async function buildService({
  serviceDir = process.cwd(),
  entry = 'src/index.ts',
  outDir = 'dist',
  external = [],
  assets = defaultAssets,
}: BuildServiceOptions = {}): Promise<BuildResult> {
  const root = resolve(serviceDir);
  const out = join(root, outDir);
  const outfile = join(out, 'index.js');
  const externals = [...new Set([...defaultExternals, ...external])];
  rmSync(out, { recursive: true, force: true });
  const tracingFile = join(out, 'tracing.js');
  // Both settle before a failure is thrown: with Promise.all the other bundle would still be
  // writing into `out` after the caller saw the error (and removed or rebuilt it). A failed
  // build leaves no half of its output behind.
  const [service, tracing] = await Promise.allSettled([
    build({
      ...bundleOptions(externals),
      entryPoints: [join(root, entry)],
      outfile,
      logLevel: 'warning',
    }),
    buildTracingEntry(root, tracingFile, externals),
  ]);
  const failed = [service, tracing].find((result) => result.status === 'rejected');
  if (failed) {
    rmSync(out, { recursive: true, force: true });
    throw failed.reason;
  }
  const copied = assets.filter((asset) => existsSync(join(root, asset)));
  for (const asset of copied) cpSync(join(root, asset), join(out, asset), { recursive: true });
  return {
    outfile,
    bytes: statSync(outfile).size,
    tracingFile,
    copied: copied.map((asset) => relative(root, join(root, asset))),
    external: externals,
  };
}
