import { isPinnedImage } from './built-images.ts';
import type { ImagePlanEntry } from './image-plan.ts';

/** Where the image a stack gets for one service came from. */
type ImageSource = 'deployed' | 'built' | 'unpinned';

/** Inputs of {@link chooseStackImages}. */
export interface ChooseStackImagesInput {
  /** Each service's planned image, `<registry>/<service>:<revision>` (planDeployImages). */
  readonly plan: readonly Pick<ImagePlanEntry, 'service' | 'image'>[];
  /** Pinned references this run's images job built (the build step's digest outputs). */
  readonly built: readonly string[];
  /** service → image of the stack's last deployment (its recorded config). */
  readonly deployed: Readonly<Record<string, string>>;
  /** A preview deploys nothing: a service with neither keeps its unpinned tag. */
  readonly preview?: boolean;
}

/** What {@link chooseStackImages} decides, per service. */
export interface StackImageChoice {
  readonly images: Record<string, string>;
  readonly sources: Record<string, ImageSource>;
}

/** Thrown when a deploy has no trusted digest for a service. */
class UntrustedImageError extends Error {
  override readonly name = 'UntrustedImageError';
}

/**
 * The image each service gets, from trusted sources only (a tag in the registry is not one: any
 * workflow of any branch that may push packages could have moved it):
 * 1. the stack's deployed image when it is this very revision, pinned (an earlier deploy from
 *    main wrote it; keeping it byte-identical means Pulumi leaves the service running);
 * 2. else the image this run built for that revision, pinned to the digest its build reported;
 * 3. else, in a preview only, the unpinned tag; a deploy fails instead.
 * @throws UntrustedImageError for a deploy without a trusted image for a service, or a built
 *   image that belongs to no planned service (a plan and a build that disagree).
 * @example chooseStackImages({ plan, built: ['ghcr.io/acme/orders:3f78…@sha256:…'], deployed: {} })
 */
export function chooseStackImages({
  plan,
  built,
  deployed,
  preview = false,
}: ChooseStackImagesInput): StackImageChoice {
  const images: Record<string, string> = {};
  const sources: Record<string, ImageSource> = {};
  const pinnedFrom = (image: string, candidate: string | undefined) =>
    candidate !== undefined && isPinnedImage(candidate) && candidate.startsWith(`${image}@`);
  const planned = new Set(plan.map(({ image }) => image));
  for (const ref of built) {
    if (!planned.has(ref.slice(0, ref.indexOf('@')))) {
      throw new UntrustedImageError(
        `built image ${ref} is no service's planned image: the build and this plan disagree`,
      );
    }
  }
  for (const { service, image } of plan) {
    const current = deployed[service];
    const fresh = built.find((ref) => pinnedFrom(image, ref));
    if (pinnedFrom(image, current)) {
      images[service] = current as string;
      sources[service] = 'deployed';
    } else if (fresh) {
      images[service] = fresh;
      sources[service] = 'built';
    } else if (preview) {
      images[service] = image;
      sources[service] = 'unpinned';
    } else {
      throw new UntrustedImageError(
        `${service}: neither this run's build nor the stack's deployment has ${image} pinned by digest; ` +
          "a deploy only writes digests that main's images job produced. Run Deploy again so it builds the image.",
      );
    }
  }
  return { images, sources };
}
