import { createHash } from 'node:crypto';
import {
  basicAuth,
  fetchBearerToken,
  isLoopbackHost,
  parseChallenge,
  type RegistryCredentials,
  RegistryError,
} from './registry-challenge.js';

export { type RegistryCredentials, RegistryError } from './registry-challenge.js';

/** The manifest types a tag can name: multi-platform indexes first, then single manifests. */
export const manifestMediaTypes: readonly string[] = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

/** A tagged image reference, split the way the registry API wants it. */
export interface TaggedImage {
  /** `ghcr.io` or `127.0.0.1:5000`. */
  readonly host: string;
  /** The repository inside the registry, `acme/orders`. */
  readonly repository: string;
  readonly tag: string;
}

/**
 * Splits `<host>/<repository>:<tag>`; the host is required (no implicit Docker Hub).
 * @throws RegistryError for anything else.
 * @example parseTaggedImage('ghcr.io/acme/orders:3f78…') // { host: 'ghcr.io', repository: 'acme/orders', tag: '3f78…' }
 */
export function parseTaggedImage(image: string): TaggedImage {
  const match = /^([^/\s@]+)\/([a-z0-9._/-]+):([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})$/.exec(image);
  if (!match) throw new RegistryError(`${image} is not <registry>/<repository>:<tag>`);
  return { host: match[1] ?? '', repository: match[2] ?? '', tag: match[3] ?? '' };
}

/** Options of {@link resolveDigest}. */
export interface ResolveDigestOptions {
  /** For the token endpoint (GHCR: any username, a GITHUB_TOKEN as the password). */
  readonly credentials?: RegistryCredentials;
  readonly fetch?: typeof fetch;
}

const digestPattern = /^sha256:[0-9a-f]{64}$/;

/**
 * The digest a tag names, from the registry HTTP API (`HEAD /v2/<repository>/manifests/<tag>`,
 * its `Docker-Content-Digest`; a GET hashed locally when a registry leaves the header out). A
 * 401 is answered the way Docker does: a Bearer challenge through its token endpoint, a Basic
 * one with the credentials. Loopback registries are spoken to over HTTP, all others over HTTPS.
 * @throws RegistryError when the tag is missing, access is refused or the answer is malformed.
 * @example await resolveDigest('ghcr.io/acme/orders:3f78…', { credentials }) // 'sha256:…'
 */
export async function resolveDigest(
  image: string,
  { credentials, fetch: fetchImpl = fetch }: ResolveDigestOptions = {},
): Promise<string> {
  const { host, repository, tag } = parseTaggedImage(image);
  const scheme = isLoopbackHost(host) ? 'http' : 'https';
  const url = `${scheme}://${host}/v2/${repository}/manifests/${encodeURIComponent(tag)}`;
  const accept = manifestMediaTypes.join(', ');
  const request = (method: 'HEAD' | 'GET', authorization?: string) =>
    fetchImpl(url, {
      method,
      headers: { Accept: accept, ...(authorization ? { Authorization: authorization } : {}) },
    });

  let authorization: string | undefined;
  let response = await request('HEAD');
  if (response.status === 401) {
    const challenge = parseChallenge(response.headers.get('www-authenticate') ?? '');
    if (challenge?.scheme === 'bearer') {
      const token = await fetchBearerToken(challenge, repository, credentials, fetchImpl);
      authorization = `Bearer ${token}`;
    } else if (challenge?.scheme === 'basic' && credentials) {
      authorization = basicAuth(credentials);
    } else {
      throw new RegistryError(`${image}: the registry refused access and offered no usable login`);
    }
    response = await request('HEAD', authorization);
  }
  if (response.status === 404) throw new RegistryError(`${image}: no such tag in the registry`);
  if (!response.ok) throw new RegistryError(`${image}: the registry answered ${response.status}`);

  let digest = response.headers.get('docker-content-digest') ?? '';
  if (digest === '') {
    const body = await request('GET', authorization);
    if (!body.ok) throw new RegistryError(`${image}: the registry answered ${body.status}`);
    digest = `sha256:${createHash('sha256')
      .update(Buffer.from(await body.arrayBuffer()))
      .digest('hex')}`;
  }
  if (!digestPattern.test(digest)) {
    throw new RegistryError(
      `${image}: the registry gave a malformed digest ${JSON.stringify(digest)}`,
    );
  }
  return digest;
}
