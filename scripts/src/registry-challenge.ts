/** A registry's `WWW-Authenticate` challenge: the scheme and its parameters. */
export interface AuthChallenge {
  readonly scheme: string;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Parses a `WWW-Authenticate` header of the form the distribution spec uses:
 * `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/orders:pull"`.
 * @example parseChallenge('Basic realm="x"') // { scheme: 'basic', params: { realm: 'x' } }
 */
export function parseChallenge(header: string): AuthChallenge | undefined {
  const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const m of (match[2] ?? '').matchAll(/([A-Za-z_]+)\s*=\s*(?:"([^"]*)"|([^\s,]*))/g)) {
    params[(m[1] ?? '').toLowerCase()] = m[2] ?? m[3] ?? '';
  }
  return { scheme: (match[1] ?? '').toLowerCase(), params };
}

/**
 * Whether a registry host is on this machine, where registries speak plain HTTP (Docker treats
 * 127.0.0.0/8 the same way); every other host is reached over HTTPS only.
 * @example isLoopbackHost('127.0.0.1:5000') // true
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '');
  return name === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(name) || name === '[::1]';
}

/** Thrown when the registry cannot say which digest a tag names. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
}

/** Username and password (or token) for a registry's token endpoint. */
export interface RegistryCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * Answers a Bearer challenge: asks the realm for a pull token for the challenge's service and
 * scope, with Basic credentials when there are any (GHCR takes any username and a GITHUB_TOKEN
 * with `packages: read`). The realm must be HTTPS (or on loopback), so credentials never travel
 * in clear text.
 * @throws RegistryError when the realm is unusable or refuses.
 * @example const token = await fetchBearerToken(challenge, 'acme/orders', credentials);
 */
export async function fetchBearerToken(
  challenge: AuthChallenge,
  repository: string,
  credentials: RegistryCredentials | undefined,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const realm = challenge.params.realm;
  if (!realm) throw new RegistryError('the registry asked for a Bearer token without a realm');
  const url = new URL(realm);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.host))) {
    throw new RegistryError(`refusing to send credentials to ${url.origin}: not HTTPS`);
  }
  if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
  url.searchParams.set('scope', challenge.params.scope ?? `repository:${repository}:pull`);
  const headers: Record<string, string> = {};
  if (credentials) headers.Authorization = basicAuth(credentials);
  const response = await fetchImpl(url, { headers });
  if (!response.ok) {
    throw new RegistryError(
      `token endpoint ${url.origin}${url.pathname} answered ${response.status}`,
    );
  }
  const body = (await response.json()) as { token?: unknown; access_token?: unknown };
  const token = typeof body.token === 'string' ? body.token : body.access_token;
  if (typeof token !== 'string' || token === '') {
    throw new RegistryError(`token endpoint ${url.origin}${url.pathname} returned no token`);
  }
  return token;
}

/**
 * The `Authorization` value for Basic credentials.
 * @example basicAuth({ username: 'u', password: 'p' }) // 'Basic dTpw'
 */
export function basicAuth({ username, password }: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
