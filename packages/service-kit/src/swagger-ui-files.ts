import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The files of `swagger-ui-dist` the API reference page loads, and nothing else of it. */
export const swaggerUiFileNames = ['swagger-ui-bundle.js', 'swagger-ui.css'] as const;

/** One of {@link swaggerUiFileNames}. */
export type SwaggerUiFileName = (typeof swaggerUiFileNames)[number];

/** The installed `swagger-ui-dist`: its version, and its files, read once on first use. */
export interface SwaggerUiFiles {
  readonly version: string;
  read(name: SwaggerUiFileName): Promise<Uint8Array<ArrayBuffer>>;
}

/**
 * Finds `swagger-ui-dist` in `node_modules` the way Node resolves it from this module, which in
 * a service's bundle (`slipway-build`) is `dist/index.js`: the container image keeps the
 * production `node_modules` above it; `from`, a module path or URL, changes where the search
 * starts. Throws, naming the fix, when it is not installed.
 *
 * @example
 * const files = findSwaggerUiFiles();
 * const script = await files.read('swagger-ui-bundle.js');
 */
export function findSwaggerUiFiles(from: string | URL = import.meta.url): SwaggerUiFiles {
  let manifestPath: string;
  try {
    manifestPath = createRequire(from).resolve('swagger-ui-dist/package.json');
  } catch (error) {
    throw new Error(
      'The API reference needs Swagger UI, the npm package swagger-ui-dist (a dependency of ' +
        '@slipway/service-kit), and it is not installed where the service runs: install the ' +
        "service's production dependencies (npm ci --omit=dev), or set apiReference: false.",
      { cause: error },
    );
  }
  const folder = dirname(manifestPath);
  const cache = new Map<SwaggerUiFileName, Promise<Uint8Array<ArrayBuffer>>>();
  return {
    version: versionIn(manifestPath),
    read(name) {
      let file = cache.get(name);
      if (!file) {
        file = readFile(join(folder, name));
        // A failed read is tried again on the next request rather than kept.
        file.catch(() => cache.delete(name));
        cache.set(name, file);
      }
      return file;
    },
  };
}

function versionIn(manifestPath: string): string {
  const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const version = (manifest as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
}
