// @ts-check
import { readFile } from 'node:fs/promises';
import { dirname, extname, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The name each module's own `import.meta` values are bound to in the bundle. */
const importMetaNames = {
  'import.meta.url': '__slipwayImportMetaUrl',
  'import.meta.filename': '__slipwayImportMetaFilename',
  'import.meta.dirname': '__slipwayImportMetaDirname',
};

const typeScript = new Set(['.ts', '.mts', '.cts', '.tsx']);
const loaders = /** @type {const} */ ({
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
});
const skip = Symbol('resolving for run-source');
const inNodeModules = `${sep}node_modules${sep}`;

/**
 * Declarations that give one module its own `import.meta` values once bundled (the
 * plugin's `define` maps the expressions to these names, and scope hoisting keeps each
 * module's names apart). Kept on the first line so line numbers in stack traces stay true.
 * @param {string} path
 */
function importMetaDeclarations(path) {
  const names = importMetaNames;
  return [
    `const ${names['import.meta.url']} = ${JSON.stringify(pathToFileURL(path).href)};`,
    `const ${names['import.meta.filename']} = ${JSON.stringify(path)};`,
    `const ${names['import.meta.dirname']} = ${JSON.stringify(dirname(path))};`,
  ].join(' ');
}

/**
 * The esbuild plugin behind {@link bundleSource}: installed packages stay outside the
 * bundle and are imported from where Node would find them (by file URL, so the bundle can
 * be loaded from anywhere), unless they are TypeScript (a workspace package read through
 * its source condition); each bundled module keeps its own `import.meta.url`, `dirname`
 * and `filename`, so paths computed from them point at the sources, not at the bundle.
 * @returns {import('esbuild').Plugin}
 */
export function sourcePlugin() {
  return {
    name: 'slipway-run-source',
    setup(build) {
      // Each expression becomes the name the module's first line declares (onLoad below).
      build.initialOptions.define = { ...build.initialOptions.define, ...importMetaNames };
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === skip || args.path.startsWith('node:')) return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: skip,
        });
        if (resolved.errors.length > 0 || resolved.external) return resolved;
        const installed =
          resolved.path.includes(inNodeModules) && !typeScript.has(extname(resolved.path));
        return installed ? { path: pathToFileURL(resolved.path).href, external: true } : resolved;
      });
      build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const loader = loaders[/** @type {keyof typeof loaders} */ (extname(args.path))];
        const contents = source.includes('import.meta')
          ? `${importMetaDeclarations(args.path)} ${source}`
          : source;
        return { contents, loader, resolveDir: dirname(args.path) };
      });
    },
  };
}
