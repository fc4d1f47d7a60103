import type { CommitSha } from './commit-sha.ts';
import { imageReference } from './image-ref.ts';
import type { DeployableService } from './services.ts';

/** What the images job does for one service. */
export interface ImagePlanEntry {
  readonly service: string;
  /** The npm package name, passed to the Dockerfile as SERVICE. */
  readonly package: string;
  /** The commit that last changed the service's image inputs: the image's tag. */
  readonly revision: CommitSha;
  /** `<registry>/<service>:<revision>`: the tag main's images job builds and pushes. */
  readonly image: string;
  /** `<registry>/<service>`, without the tag: the subject name its attestations are bound to. */
  readonly repository: string;
  /** The images job output this service's build fills (`image-<slot>`, see built-images). */
  readonly slot: number;
}

/** Inputs of {@link planImages}. */
export interface PlanImagesInput {
  readonly registry: string;
  readonly services: readonly DeployableService[];
  /** service name → the commit that last changed it (serviceRevisions). */
  readonly revisions: Readonly<Record<string, CommitSha>>;
}

/**
 * The images of a deployment: each service's image is tagged with the commit that last changed
 * its inputs, so a tag names one set of inputs and a service that did not change keeps its
 * revision. The tag is a label for people, not a trust anchor: each run pushes it again. main's images job builds every service on each run; the deploy keeps the
 * image a stack already runs for that revision (no restart) and takes this run's build otherwise.
 * @example planImages({ registry: 'ghcr.io/acme', services, revisions })
 */
export function planImages({ registry, services, revisions }: PlanImagesInput): ImagePlanEntry[] {
  return services.map((service, slot) => {
    const revision = revisions[service.name];
    if (!revision) throw new Error(`no revision for service ${service.name}`);
    return {
      service: service.name,
      package: service.packageName,
      revision,
      image: imageReference(registry, service.name, revision),
      repository: `${registry}/${service.name}`,
      slot,
    };
  });
}
