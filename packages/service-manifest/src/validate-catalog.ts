import type { ManifestProblem } from './manifest-problem.ts';
import type { ServiceManifest } from './schema.ts';

/** A manifest together with the file it was read from. */
export interface LocatedManifest {
  readonly manifest: ServiceManifest;
  readonly file: string;
}

/** Options for {@link validateCatalog}. */
export interface ValidateCatalogOptions {
  /** The folder that holds one folder per service. Default: `apps`. */
  readonly appsDir?: string;
  /**
   * Services whose manifests exist but could not be read (already reported): calls to and
   * from them are not checked, so a broken manifest causes no follow-on errors. Default: none.
   */
  readonly unreadable?: ReadonlySet<string>;
}

/**
 * Checks what no single manifest can: unique ports, calls to services that
 * exist, and that both sides of every call agree (the caller lists it in
 * `calls`, the callee in `calledBy`), so the network policies match. `appsDir` is the
 * folder the manifests were read from, to say where a missing service's would be.
 * @example const problems = validateCatalog(located, { appsDir: 'apps', unreadable: new Set(['orders']) });
 */
export function validateCatalog(
  located: readonly LocatedManifest[],
  { appsDir = 'apps', unreadable = new Set() }: ValidateCatalogOptions = {},
): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const byName = new Map(located.map((l) => [l.manifest.name, l]));
  const byPort = new Map<number, string>();

  for (const { manifest, file } of located) {
    const problem = (field: string, message: string) =>
      problems.push({ service: manifest.name, file, field, message });
    const owner = byPort.get(manifest.port);
    if (owner !== undefined)
      problem('port', `${manifest.port} is already used by service '${owner}': pick a free port`);
    else byPort.set(manifest.port, manifest.name);

    manifest.calls.forEach((callee, i) => {
      const target = byName.get(callee);
      if (unreadable.has(callee)) return;
      if (!target)
        problem(
          `calls.${i}`,
          `calls '${callee}', which does not exist (no ${appsDir}/${callee}/service.yaml)`,
        );
      else if (!target.manifest.calledBy.includes(manifest.name))
        problem(
          `calls.${i}`,
          `calls '${callee}', but ${target.file} does not list '${manifest.name}' in calledBy: add it there`,
        );
    });
    manifest.calledBy.forEach((caller, i) => {
      const source = byName.get(caller);
      if (unreadable.has(caller)) return;
      if (!source)
        problem(
          `calledBy.${i}`,
          `names caller '${caller}', which does not exist (no ${appsDir}/${caller}/service.yaml)`,
        );
      else if (!source.manifest.calls.includes(manifest.name))
        problem(
          `calledBy.${i}`,
          `names caller '${caller}', but ${source.file} does not list '${manifest.name}' in calls: add it there or remove it here`,
        );
    });
  }
  return problems;
}
