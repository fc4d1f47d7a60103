import { LineCounter, parseDocument } from 'yaml';
import { type DescribedIssue, describeIssue } from './describe-issue.ts';
import { ManifestError } from './manifest-error.ts';
import type { ManifestProblem } from './manifest-problem.ts';
import { type ServiceManifest, serviceManifestSchema } from './schema.ts';
import { locatePath, locateSyntaxError, type SourceLocation } from './source-location.ts';

/** Where a manifest came from, used to name it in errors. */
export interface ManifestSource {
  /** File path shown in errors. */
  readonly file: string;
  /** Fallback service name for errors when the manifest has no readable name (its folder). */
  readonly folder: string;
}

/** Finds a described issue in the manifest's text, when there is one. */
type Locate = (issue: DescribedIssue) => SourceLocation | undefined;

function checkManifest(raw: unknown, source: ManifestSource, locate: Locate): ServiceManifest {
  const result = serviceManifestSchema.safeParse(raw);
  if (!result.success) {
    const name =
      typeof raw === 'object' && raw !== null && 'name' in raw && typeof raw.name === 'string'
        ? raw.name
        : source.folder;
    const problems = result.error.issues
      .flatMap((issue) => describeIssue(issue, raw, serviceManifestSchema))
      .map((described): ManifestProblem => {
        const location = locate(described);
        return {
          service: name,
          file: source.file,
          field: described.path.map(String).join('.'),
          message: described.message,
          ...(location ? { location } : {}),
        };
      });
    throw new ManifestError(problems);
  }
  if (result.data.name !== source.folder) {
    const location = locate({ path: ['name'], message: '' });
    throw new ManifestError([
      {
        service: result.data.name,
        file: source.file,
        field: 'name',
        message: `must match its folder name '${source.folder}' (rename the folder or the service)`,
        ...(location ? { location } : {}),
      },
    ]);
  }
  return result.data;
}

/**
 * Parses and validates one manifest's YAML text, filling in defaults. Each problem carries
 * the line and column it is at and the text of that line.
 * @throws ManifestError naming the file, the service and each field at fault.
 * @example parseServiceManifest(readFileSync('apps/orders/service.yaml', 'utf8'), { file: 'apps/orders/service.yaml', folder: 'orders' })
 */
export function parseServiceManifest(text: string, source: ManifestSource): ServiceManifest {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, lineCounter });
  if (document.errors.length > 0) {
    throw new ManifestError(
      document.errors.map((e) => ({
        service: source.folder,
        file: source.file,
        field: '',
        message: `invalid YAML: ${e.message}`,
        location: locateSyntaxError(text, lineCounter, e.pos),
      })),
    );
  }
  // A missing field is not in the text: point at the map that should hold it.
  return checkManifest(
    document.toJS(),
    source,
    ({ path, key }) =>
      locatePath(text, document, lineCounter, path, key) ??
      (path.length > 1 ? locatePath(text, document, lineCounter, path.slice(0, -1)) : undefined),
  );
}

/**
 * Validates one manifest's data (as parsed from YAML, or built in code), filling in
 * defaults; its name must match `source.folder`.
 * @throws ManifestError naming the file, the service and each field at fault.
 * @example validateServiceManifest({ name: 'orders', port: 3001 }, { file: 'apps/orders/service.yaml', folder: 'orders' })
 */
export function validateServiceManifest(raw: unknown, source: ManifestSource): ServiceManifest {
  return checkManifest(raw, source, () => undefined);
}
