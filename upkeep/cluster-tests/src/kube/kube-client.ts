import { Agent, request } from 'node:https';

/** How to reach and authenticate to an API server: what a kubeconfig context boils down to. */
export interface KubeCredentials {
  readonly server: string;
  /** PEM of the CA that signed the server's certificate. */
  readonly ca?: string;
  readonly token?: string;
  /** PEM client certificate and key (kind's kubeconfig uses these). */
  readonly cert?: string;
  readonly key?: string;
}

/** An API answer: the status code and the parsed JSON body. */
export interface KubeResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  /** `Warning` headers, e.g. Pod Security's "would violate PodSecurity". */
  readonly warnings: readonly string[];
}

/** A Kubernetes object, as far as the suite reads every one. */
export interface KubeObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly uid?: string;
    readonly generation?: number;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
    readonly ownerReferences?: readonly { readonly kind: string; readonly name: string }[];
    readonly managedFields?: readonly {
      readonly manager?: string;
      readonly operation?: string;
      readonly fieldsV1?: unknown;
    }[];
  };
}

/** A list answer. */
interface KubeList<T extends KubeObject = KubeObject> {
  readonly items: readonly T[];
}

/**
 * A small JSON client for the Kubernetes REST API over node:https: what the suite needs to read
 * what Pulumi created, create a few objects itself and call subresources such as eviction.
 * @example const node = await kube.get<KubeObject>('/api/v1/nodes/kwok-node-a');
 */
export class KubeClient {
  private readonly agent: Agent;
  readonly credentials: KubeCredentials;

  constructor(credentials: KubeCredentials) {
    this.credentials = credentials;
    this.agent = new Agent({
      keepAlive: true,
      ...(credentials.ca ? { ca: credentials.ca } : {}),
      ...(credentials.cert ? { cert: credentials.cert } : {}),
      ...(credentials.key ? { key: credentials.key } : {}),
    });
  }

  /** Any request; the body is sent as JSON unless `contentType` says otherwise. */
  request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<KubeResponse<T>> {
    const url = new URL(path, this.credentials.server);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            accept: 'application/json',
            ...(payload ? { 'content-type': contentType } : {}),
            ...(this.credentials.token
              ? { authorization: `Bearer ${this.credentials.token}` }
              : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const warning = res.headers.warning;
            resolve({
              status: res.statusCode ?? 0,
              body: (text.startsWith('{') ? JSON.parse(text) : text) as T,
              warnings: Array.isArray(warning) ? warning : warning ? [warning] : [],
            });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** The object at `path`, or undefined when it does not exist. */
  async get<T extends KubeObject>(path: string): Promise<T | undefined> {
    const res = await this.request<T>('GET', path);
    if (res.status === 404) return undefined;
    return expectOk(res, 'GET', path);
  }

  /** The items of a list. */
  async list<T extends KubeObject>(path: string): Promise<readonly T[]> {
    const res = await this.request<KubeList<T>>('GET', path);
    return expectOk(res, 'GET', path).items;
  }

  /** Creates an object; the answer is returned as it is, so a refusal can be asserted on. */
  create<T = unknown>(path: string, object: unknown): Promise<KubeResponse<T>> {
    return this.request<T>('POST', path, object);
  }

  /** A JSON merge patch. */
  async patch<T extends KubeObject>(path: string, patch: unknown): Promise<T> {
    const res = await this.request<T>('PATCH', path, patch, 'application/merge-patch+json');
    return expectOk(res, 'PATCH', path);
  }

  /**
   * Watches a collection (`?watch=true`) and calls `onEvent` for every change, in order; resolves
   * once the API server has accepted the watch, so nothing after that is missed.
   * @example const watch = await kube.watch('/apis/apps/v1/namespaces/ns/deployments', record); … watch.stop();
   */
  watch<T extends KubeObject>(
    path: string,
    onEvent: (type: string, object: T) => void,
  ): Promise<{ stop(): void }> {
    const url = new URL(path, this.credentials.server);
    url.searchParams.set('watch', 'true');
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          agent: this.agent,
          headers: this.credentials.token
            ? { authorization: `Bearer ${this.credentials.token}` }
            : {},
        },
        (res) => {
          if (res.statusCode !== 200) {
            reject(new Error(`watch ${path}: ${res.statusCode}`));
            res.resume();
            return;
          }
          let buffered = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffered += chunk;
            const lines = buffered.split('\n');
            buffered = lines.pop() ?? '';
            for (const line of lines.filter((l) => l.trim() !== '')) {
              const event = JSON.parse(line) as { type: string; object: T };
              onEvent(event.type, event.object);
            }
          });
          res.on('error', () => undefined);
          resolve({ stop: () => req.destroy() });
        },
      );
      req.on('error', (error) => reject(error));
      req.end();
    });
  }

  /** Frees the keep-alive sockets, so the process can exit. */
  close(): void {
    this.agent.destroy();
  }
}

/** The body of a 2xx answer, or an error naming the request and the API's message. */
export function expectOk<T>(res: KubeResponse<T>, method: string, path: string): T {
  if (res.status >= 200 && res.status < 300) return res.body;
  const message =
    typeof res.body === 'object' && res.body !== null && 'message' in res.body
      ? String(res.body.message)
      : String(res.body);
  throw new Error(`${method} ${path}: ${res.status} ${message}`);
}
