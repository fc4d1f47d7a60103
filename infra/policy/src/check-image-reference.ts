import { digestPattern } from './image-admission-rule.ts';

/**
 * Why an image reference is not pinned, or undefined when it is: pinned means a digest
 * (`@sha256:` and 64 hex digits) or an explicit tag other than `latest`.
 * @example checkImageReference('ghcr.io/acme/orders:latest') // "uses the mutable tag 'latest'..."
 */
export function checkImageReference(image: string): string | undefined {
  if (image.trim() === '') return 'is empty';
  const at = image.indexOf('@');
  if (at !== -1) {
    return digestPattern.test(image.slice(at + 1))
      ? undefined
      : `has a malformed digest '${image.slice(at + 1)}' (expected sha256: and 64 hex digits)`;
  }
  // A colon after the last slash starts the tag; one before it belongs to a registry port.
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon === -1) return 'has no tag or digest, so it means :latest: pin a tag or a digest';
  const tag = image.slice(colon + 1);
  if (tag === 'latest') return "uses the mutable tag 'latest': pin an immutable tag or a digest";
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)) return `has an invalid tag '${tag}'`;
  return undefined;
}
