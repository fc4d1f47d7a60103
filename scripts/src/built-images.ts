/**
 * How the images job hands its build results to the deploy jobs. A matrix job has one set of
 * outputs, and each leg of the matrix fills only the output of its own slot (`image-<slot>`);
 * GitHub merges the legs' non-empty outputs, so the deploy job sees every leg's image. The slot
 * count is fixed because job outputs are declared in the workflow: deploy.yml declares exactly
 * these (a test holds it to this number).
 */
export const builtImageSlots = 20;

/** The output name of one slot: `image-<slot>`. */
export function builtImageOutput(slot: number): string {
  if (!Number.isInteger(slot) || slot < 0 || slot >= builtImageSlots) {
    throw new Error(`image slot ${slot} is outside 0..${builtImageSlots - 1}`);
  }
  return `image-${slot}`;
}

const digestPattern = /^sha256:[0-9a-f]{64}$/;
const pinnedPattern = /^[^\s@]+:[0-9a-f]{40}@sha256:[0-9a-f]{64}$/;

/**
 * The reference a build produced: the planned tag pinned to the digest the build step reported
 * (`docker/build-push-action`'s `digest` output), never one looked up in the registry afterwards.
 * @throws Error when the digest is not `sha256:<64 hex>`.
 * @example pinnedImage('ghcr.io/acme/orders:3f78…', 'sha256:ab…') // 'ghcr.io/acme/orders:3f78…@sha256:ab…'
 */
export function pinnedImage(image: string, digest: string): string {
  if (!digestPattern.test(digest.trim())) {
    throw new Error(
      `the build of ${image} reported no usable digest (${JSON.stringify(digest)}): expected sha256:<64 hex>`,
    );
  }
  return `${image}@${digest.trim()}`;
}

/**
 * Whether a reference is `<registry>/<service>:<commit sha>@sha256:<digest>`, the only form a
 * deploy writes.
 * @example isPinnedImage('ghcr.io/acme/orders:latest') // false
 */
export function isPinnedImage(image: string): boolean {
  return pinnedPattern.test(image);
}

/**
 * The images a run vouches for, from a JSON object whose values are pinned references: the
 * images job's outputs (`toJSON(needs.images.outputs)`, keyed by slot). Keys are not trusted for
 * anything; empty values (unused slots) are skipped.
 * @throws Error when the text is not such an object or a value is not a pinned reference.
 * @example parseBuiltImages('{"image-0":"ghcr.io/acme/orders:3f78…@sha256:ab…"}')
 */
export function parseBuiltImages(text: string): string[] {
  if (text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('--built is not JSON: pass toJSON(needs.images.outputs)');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('--built must be a JSON object of image references');
  }
  const images: string[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (value === '' || value === null) continue;
    if (typeof value !== 'string' || !isPinnedImage(value)) {
      throw new Error(
        `--built ${key}: ${JSON.stringify(value)} is not <registry>/<service>:<sha>@sha256:<digest>`,
      );
    }
    images.push(value);
  }
  return images;
}
