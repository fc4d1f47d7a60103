/** What {@link selectPreviewServices} needs of a service: its name and whom it calls. */
export interface CallingService {
  readonly name: string;
  readonly calls: readonly string[];
}

/** The services a preview deploys, and why. */
export interface PreviewSelection {
  /** The changed services, built from the pull request. */
  readonly changed: readonly string[];
  /** Unchanged services a changed one calls (directly or through others): main's images. */
  readonly called: readonly string[];
  /** Both, sorted: the preview's `services`. */
  readonly services: readonly string[];
}

/**
 * The services a pull request's preview deploys: those it changed, plus every service they call,
 * directly or through another, so each call has someone to answer it. Callers of a changed
 * service are left out: nothing in the preview calls them.
 * @throws Error naming a changed service the catalog lacks.
 * @example selectPreviewServices(catalog, ['gateway']).called // ['orders']
 */
export function selectPreviewServices(
  catalog: readonly CallingService[],
  changed: readonly string[],
): PreviewSelection {
  const byName = new Map(catalog.map((service) => [service.name, service]));
  const unknown = changed.filter((name) => !byName.has(name));
  if (unknown.length > 0)
    throw new Error(
      `no service named ${unknown.join(', ')} (services: ${[...byName.keys()].join(', ')})`,
    );
  const chosen = new Set(changed);
  const queue = [...changed];
  while (queue.length > 0) {
    for (const callee of byName.get(queue.pop() ?? '')?.calls ?? []) {
      if (chosen.has(callee) || !byName.has(callee)) continue;
      chosen.add(callee);
      queue.push(callee);
    }
  }
  const services = [...chosen].sort();
  return {
    changed: [...new Set(changed)].sort(),
    called: services.filter((name) => !changed.includes(name)),
    services,
  };
}
