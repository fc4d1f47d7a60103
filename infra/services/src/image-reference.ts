/** An image reference split into the parts the platform reads. */
export interface ImageReference {
  /** Registry and path, such as `ghcr.io/acme/orders`. */
  readonly repository: string;
  /** The tag, for people: CI writes the commit that last changed the service. */
  readonly tag?: string;
  /** `sha256:<64 hex>`, what the kubelet pulls when present. */
  readonly digest?: string;
}

/**
 * Splits `repository[:tag][@digest]`. All three forms CI and people write are accepted:
 * `ghcr.io/acme/orders:<sha>@sha256:<digest>` (CI), `ghcr.io/acme/orders@sha256:<digest>`
 * and `ghcr.io/acme/orders:<tag>` (dev). Whether the reference is pinned is the policy's
 * question (`checkImageReference`), not this parser's.
 * @example parseImageReference('localhost:5000/orders:1a2b3c') // { repository: 'localhost:5000/orders', tag: '1a2b3c' }
 */
export function parseImageReference(image: string): ImageReference {
  const at = image.indexOf('@');
  const named = at === -1 ? image : image.slice(0, at);
  const digest = at === -1 ? undefined : image.slice(at + 1);
  // A colon after the last slash starts the tag; one before it belongs to a registry port.
  const colon = named.indexOf(':', named.lastIndexOf('/') + 1);
  const repository = colon === -1 ? named : named.slice(0, colon);
  const tag = colon === -1 ? undefined : named.slice(colon + 1);
  return { repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/**
 * A label-safe version from an image reference: its tag (the commit that last changed the
 * service, so it moves only when the service does), else the first 12 hex digits of its digest
 * (a label value allows no ':' and at most 63 characters).
 * @example imageVersion('ghcr.io/acme/orders:1.4.2@sha256:ab…') // '1.4.2'
 */
export function imageVersion(image: string): string {
  const { tag, digest } = parseImageReference(image);
  const version = tag ?? digest?.replace(/^sha256:/, '').slice(0, 12) ?? '';
  return version.slice(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '') || 'unknown';
}
