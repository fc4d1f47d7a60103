import type { CommitSha } from './commit-sha.js';
import { imageReference } from './image-ref.js';
import type { Service } from './services.js';

/** What the images job does for one service. */
export interface ImagePlanEntry {
  readonly service: string;
  /** The npm package name, passed to the Dockerfile as SERVICE. */
  readonly package: string;
  /** The commit that last changed the service's image inputs: the image's tag. */
  readonly revision: CommitSha;
  /** `<registry>/<service>:<revision>`: built if missing, kept if present. */
  readonly image: string;
}

/** Inputs of {@link planImages}. */
export interface PlanImagesInput {
  readonly registry: string;
  readonly services: readonly Service[];
  /** service name → the commit that last changed it (serviceRevisions). */
  readonly revisions: Readonly<Record<string, CommitSha>>;
}

/**
 * The images of a deployment: each service's image is tagged with the commit that last changed
 * its inputs, so a tag names one build of one set of inputs and a service that did not change
 * keeps its image (no rebuild, no re-tag, no restart). Building a missing tag from the deployed
 * tree is equivalent, since nothing changed those inputs in between.
 * @example planImages({ registry: 'ghcr.io/acme', services, revisions })
 */
export function planImages({ registry, services, revisions }: PlanImagesInput): ImagePlanEntry[] {
  return services.map((service) => {
    const revision = revisions[service.name];
    if (!revision) throw new Error(`no revision for service ${service.name}`);
    return {
      service: service.name,
      package: service.packageName,
      revision,
      image: imageReference(registry, service.name, revision),
    };
  });
}

/**
 * Pins every image of a plan to its digest: `<registry>/<service>:<tag>@sha256:<digest>`, what
 * the stack config gets. The tag stays for people reading it; the digest is what the cluster
 * pulls, so the value is byte-identical for as long as the service does not change. A resolver
 * that answers `undefined` leaves that image on its tag (previews only: see set-stack-images).
 * @example await pinImages(plan, (image) => resolveDigest(image, { credentials }))
 */
export async function pinImages(
  plan: readonly Pick<ImagePlanEntry, 'service' | 'image'>[],
  resolve: (image: string) => Promise<string | undefined>,
): Promise<Record<string, string>> {
  const pinned = await Promise.all(
    plan.map(async ({ service, image }) => {
      const digest = await resolve(image);
      return [service, digest ? `${image}@${digest}` : image] as const;
    }),
  );
  return Object.fromEntries(pinned);
}
