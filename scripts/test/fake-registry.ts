import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake registry answered. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string;
  readonly accept: string;
}

/** A registry speaking the distribution API's token flow, on 127.0.0.1 at an ephemeral port. */
export interface FakeRegistry {
  /** `127.0.0.1:<port>`, the registry host of image references. */
  readonly host: string;
  readonly requests: RecordedRequest[];
  /** Stores a manifest for `<repository>:<tag>` and returns its digest. */
  push(repository: string, tag: string): string;
  /** Whether `<repository>:<tag>` was pushed. */
  has(repository: string, tag: string): boolean;
  close(): Promise<void>;
}

/** Options of {@link startFakeRegistry}. */
export interface FakeRegistryOptions {
  /** The Basic credentials the token endpoint wants. */
  readonly username: string;
  readonly password: string;
  /** Leave out Docker-Content-Digest, as some registries do on HEAD. */
  readonly omitDigestHeader?: boolean;
}

const indexType = 'application/vnd.oci.image.index.v1+json';

/**
 * Starts a real HTTP registry for tests: manifests need a Bearer token, a 401 carries
 * `WWW-Authenticate: Bearer realm=…,service=…,scope=…`, and `/token` trades Basic credentials
 * for a token scoped to one repository. Only 127.0.0.1 is ever contacted.
 * @example const registry = await startFakeRegistry({ username: 'ci', password: 'pw' });
 */
export async function startFakeRegistry(options: FakeRegistryOptions): Promise<FakeRegistry> {
  const manifests = new Map<string, string>();
  const tokens = new Map<string, string>(); // token → repository
  const requests: RecordedRequest[] = [];
  let host = '';

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${host}`);
    const authorization = req.headers.authorization ?? '';
    requests.push({
      method: req.method ?? '',
      path: `${url.pathname}${url.search}`,
      authorization,
      accept: req.headers.accept ?? '',
    });
    if (url.pathname === '/token') {
      const expected = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
      const scope = /^repository:([^:]+):pull$/.exec(url.searchParams.get('scope') ?? '');
      if (authorization !== expected || !scope || url.searchParams.get('service') !== 'fake') {
        res.writeHead(401).end();
        return;
      }
      const token = randomBytes(16).toString('hex');
      tokens.set(token, scope[1] ?? '');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token }));
      return;
    }
    const manifest = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
    if (!manifest) {
      res.writeHead(404).end();
      return;
    }
    const repository = manifest[1] ?? '';
    const granted = tokens.get(authorization.replace(/^Bearer /, ''));
    if (granted !== repository) {
      res
        .writeHead(401, {
          'WWW-Authenticate': `Bearer realm="http://${host}/token",service="fake",scope="repository:${repository}:pull"`,
        })
        .end();
      return;
    }
    const body = manifests.get(`${repository}:${decodeURIComponent(manifest[2] ?? '')}`);
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': indexType };
    if (!options.omitDigestHeader) headers['Docker-Content-Digest'] = digestOf(body);
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    host,
    requests,
    push(repository, tag) {
      const body = JSON.stringify({
        schemaVersion: 2,
        mediaType: indexType,
        manifests: [],
        annotations: { 'org.opencontainers.image.ref.name': `${repository}:${tag}` },
      });
      manifests.set(`${repository}:${tag}`, body);
      return digestOf(body);
    },
    has: (repository, tag) => manifests.has(`${repository}:${tag}`),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function digestOf(body: string): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}
