import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryFiles, serviceManifestPath } from '@slipway/platform-contract';
import { ManifestError } from './manifest-error.ts';
import type { ManifestProblem } from './manifest-problem.ts';
import { parseServiceManifest } from './parse-manifest.ts';
import type { ServiceManifest } from './schema.ts';
import { locateField } from './source-location.ts';
import { type LocatedManifest, validateCatalog } from './validate-catalog.ts';

/** The file name of a service manifest inside its service folder (the repository model's). */
export const manifestFileName = repositoryFiles.serviceManifest;

/**
 * Where a service's manifest is, relative to the repository root: how problems name the file.
 * @example manifestPath('orders') // 'apps/orders/service.yaml'
 */
export function manifestPath(
  service: string,
  appsDir: string = repositoryFiles.servicesDir,
): string {
  return serviceManifestPath(service, appsDir);
}

/** Options for {@link loadServiceManifests}. */
export interface LoadManifestsOptions {
  /** The folder that holds one folder per service. Default: `apps`. */
  readonly appsDir?: string;
}

/**
 * Reads, validates and cross-checks every `apps/<name>/service.yaml` of a repository.
 * Every problem in every manifest is collected before it throws, so one run lists them all;
 * a manifest that fails to parse is reported once, not again by each service that names it.
 * @throws ManifestError listing each problem with its service, file and field.
 * @example const services = loadServiceManifests(repoRoot);
 */
export function loadServiceManifests(
  repoRoot: string,
  { appsDir = repositoryFiles.servicesDir }: LoadManifestsOptions = {},
): ServiceManifest[] {
  const appsPath = join(repoRoot, appsDir);
  if (!existsSync(appsPath)) return [];
  const problems: ManifestProblem[] = [];
  const located: LocatedManifest[] = [];
  const unreadable = new Set<string>();
  const texts = new Map<string, string>();
  const folders = readdirSync(appsPath, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(appsPath, entry.name, manifestFileName)),
    )
    .map((entry) => entry.name)
    .sort();

  for (const folder of folders) {
    const file = manifestPath(folder, appsDir);
    try {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      texts.set(file, text);
      const manifest = parseServiceManifest(text, { file, folder });
      located.push({ manifest, file });
    } catch (error) {
      if (!(error instanceof ManifestError)) throw error;
      problems.push(...error.problems);
      unreadable.add(folder);
    }
  }
  // What no single manifest shows (a missing callee, a port in use) is pointed at in its file too.
  for (const problem of validateCatalog(located, { appsDir, unreadable })) {
    const location = locateField(texts.get(problem.file) ?? '', problem.field);
    problems.push(location ? { ...problem, location } : problem);
  }
  if (problems.length > 0) throw new ManifestError(problems);
  return located.map((l) => l.manifest);
}
