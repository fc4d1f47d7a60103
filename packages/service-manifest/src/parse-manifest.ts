import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ManifestError, type ManifestProblem } from './manifest-error.js';
import { type ServiceManifest, serviceManifestSchema } from './schema.js';

/** Where a manifest came from, used to name it in errors. */
export interface ManifestSource {
  /** File path shown in errors. */
  readonly file: string;
  /** Fallback service name for errors when the manifest has no readable name (its folder). */
  readonly folder: string;
}

function toProblems(error: z.ZodError, source: ManifestSource, service: string): ManifestProblem[] {
  return error.issues.map((issue) => ({
    service,
    file: source.file,
    field: issue.path.map(String).join('.'),
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.map((k) => `'${k}'`).join(', ')}: remove or correct them`
        : issue.message,
  }));
}

/**
 * Parses and validates one manifest's YAML text, filling in defaults.
 * @throws ManifestError naming the file, the service and each field at fault.
 * @example parseServiceManifest(readFileSync('apps/orders/service.yaml', 'utf8'), { file: 'apps/orders/service.yaml', folder: 'orders' })
 */
export function parseServiceManifest(text: string, source: ManifestSource): ServiceManifest {
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0) {
    throw new ManifestError(
      document.errors.map((e) => ({
        service: source.folder,
        file: source.file,
        field: '',
        message: `invalid YAML: ${e.message}`,
      })),
    );
  }
  return validateServiceManifest(document.toJS(), source);
}

/**
 * Validates one manifest's data (as parsed from YAML, or built in code), filling in
 * defaults; its name must match `source.folder`.
 * @throws ManifestError naming the file, the service and each field at fault.
 * @example validateServiceManifest({ name: 'orders', port: 3001 }, { file: 'apps/orders/service.yaml', folder: 'orders' })
 */
export function validateServiceManifest(raw: unknown, source: ManifestSource): ServiceManifest {
  const result = serviceManifestSchema.safeParse(raw);
  if (!result.success) {
    const name =
      typeof raw === 'object' && raw !== null && 'name' in raw && typeof raw.name === 'string'
        ? raw.name
        : source.folder;
    throw new ManifestError(toProblems(result.error, source, name));
  }
  if (result.data.name !== source.folder) {
    throw new ManifestError([
      {
        service: result.data.name,
        file: source.file,
        field: 'name',
        message: `must match its folder name '${source.folder}' (rename the folder or the service)`,
      },
    ]);
  }
  return result.data;
}
