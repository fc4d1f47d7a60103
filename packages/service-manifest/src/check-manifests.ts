import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestWarnings } from './egress-width.ts';
import { formatProblem } from './format-problem.ts';
import { loadServiceManifests, manifestPath } from './load-manifests.ts';
import { ManifestError } from './manifest-error.ts';
import { locateField } from './source-location.ts';

/** What {@link checkManifests} found: errors fail the check, warnings only inform. */
export interface ManifestCheck {
  /** Every problem, in the loader's own words; undefined when every manifest is valid. */
  readonly errors: string | undefined;
  /** One formatted warning each (file, line, caret), see `manifestWarnings`. */
  readonly warnings: readonly string[];
}

/**
 * Loads every manifest of a repository and reports what is wrong with them, in the loader's
 * own words (file:line:column, did-you-mean), and what is legal but too open (wide egress).
 * @example const { errors, warnings } = checkManifests(repoRoot);
 */
export function checkManifests(repoRoot: string): ManifestCheck {
  try {
    const located = loadServiceManifests(repoRoot).map((manifest) => ({
      manifest,
      file: manifestPath(manifest.name),
    }));
    const warnings = manifestWarnings(located).map((warning) => {
      const location = locateField(
        readFileSync(join(repoRoot, warning.file), 'utf8'),
        warning.field,
      );
      return formatProblem(location ? { ...warning, location } : warning);
    });
    return { errors: undefined, warnings };
  } catch (error) {
    if (error instanceof ManifestError) return { errors: error.message, warnings: [] };
    throw error;
  }
}
