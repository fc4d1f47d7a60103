import { loadServiceManifests } from './load-manifests.js';
import { ManifestError } from './manifest-error.js';

/**
 * Loads every manifest of a repository and returns what is wrong with them, in the loader's
 * own words (file:line:column, did-you-mean), or `undefined` when they are all valid.
 * @example const report = checkManifests(repoRoot); if (report) console.error(report);
 */
export function checkManifests(repoRoot: string): string | undefined {
  try {
    loadServiceManifests(repoRoot);
    return undefined;
  } catch (error) {
    if (error instanceof ManifestError) return error.message;
    throw error;
  }
}
