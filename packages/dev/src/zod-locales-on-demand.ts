import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';

// zod's `z` namespace holds its locales, about 40 modules; @hono/zod-openapi hands the whole
// namespace to extendZodWithOpenApi, so esbuild must bundle every locale: 30 % of a service's
// bundle, and about 5 MB of memory from the first second (measured: `npm run bench -- post`).
// A service uses English, zod's default, or at most one other, set once with
// `z.config(z.locales.fr())`.

// The lines of zod's `locales/index.js`: `export { default as fr } from "./fr.js";`.
const localeExport = /^export \{ default as (\w+) \} from "\.\/([\w-]+)\.js";$/;

/** zod's locales as `[export name, file name]`, or undefined when the index reads otherwise. */
function localesIn(indexText: string): [string, string][] | undefined {
  const lines = indexText.split('\n').filter((line) => line.trim() !== '');
  const locales = lines.map((line) => localeExport.exec(line.trim()));
  if (locales.length === 0 || locales.some((match) => match === null)) return undefined;
  return locales.map((match) => [match?.[1] ?? '', match?.[2] ?? '']);
}

// English stays in the bundle (zod's own schemas import it); every other locale is a function
// that loads zod's CommonJS copy of that locale from node_modules, which a service's image keeps,
// when the service first calls it.
function onDemandIndex(indexPath: string, locales: [string, string][]): string {
  const english = locales.find(([name]) => name === 'en');
  const lines = [
    "import { createRequire } from 'node:module';",
    'const loadFromPackage = createRequire(import.meta.url);',
    'function loadLocale(file) {',
    "  const specifier = 'zod/v4/locales/' + file + '.cjs';",
    '  try {',
    '    const loaded = loadFromPackage(specifier);',
    "    return typeof loaded === 'function' ? loaded : loaded.default;",
    '  } catch (error) {',
    "    throw new Error('zod locale ' + file + ' is loaded on first use from node_modules, and ' + specifier + \" is not there: install the service's production dependencies (npm ci --omit=dev)\", { cause: error });",
    '  }',
    '}',
    ...(english
      ? [
          `export { default as en } from ${JSON.stringify(join(dirname(indexPath), `${english[1]}.js`))};`,
        ]
      : []),
    ...locales
      .filter(([name]) => name !== 'en')
      .map(
        ([name, file]) =>
          `export const ${name} = (...args) => loadLocale(${JSON.stringify(file)})(...args);`,
      ),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * An esbuild plugin that bundles zod's English locale only and loads any other on first use,
 * so `z.config(z.locales.fr())` works as before while the bundle no longer carries every
 * language. Leaves zod alone when its locales index is not the shape it knows.
 * @example await build({ ...options, plugins: [zodLocalesOnDemand] });
 */
export const zodLocalesOnDemand: Plugin = {
  name: 'zod-locales-on-demand',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => {
      const locales = localesIn(readFileSync(args.path, 'utf8'));
      if (!locales) return undefined;
      return {
        contents: onDemandIndex(args.path, locales),
        loader: 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};
