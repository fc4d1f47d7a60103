import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the stub received. Header names are lower-case, as Node gives them. */
export interface StubRequest {
  readonly method: string;
  /** Path and query, e.g. `/orders?customer=c-1`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** How the stub answers a request; `'hang'` never answers, to test a caller's deadline. */
export type StubAnswer = (request: StubRequest) => Response | 'hang' | Promise<Response | 'hang'>;

/** A running stub of a called service. */
export interface StubService {
  /** Its base URL on loopback, e.g. `http://127.0.0.1:41234`: what `<NAME>_URL` would be. */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: readonly StubRequest[];
  /** Stops it, cutting any request it left hanging. */
  close(): Promise<void>;
}

async function readRequest(incoming: IncomingMessage): Promise<StubRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return {
    method: incoming.method ?? 'GET',
    path: incoming.url ?? '/',
    headers,
    body: Buffer.concat(chunks).toString('utf8'),
  };
}

async function send(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Starts a stand-in for a called service on 127.0.0.1 and an ephemeral port, so a client's
 * test runs over real HTTP without the service itself. Close it when the test ends.
 * @example const orders = await startStubService(() => Response.json({ id: 'o-1' }));
 * onTestFinished(() => orders.close());
 */
export async function startStubService(answer: StubAnswer): Promise<StubService> {
  const requests: StubRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    void readRequest(incoming)
      .then(async (request) => {
        requests.push(request);
        const response = await answer(request);
        if (response !== 'hang') await send(response, outgoing);
      })
      .catch((error: unknown) => {
        outgoing.writeHead(500, { 'content-type': 'text/plain' });
        outgoing.end(`stub failed: ${String(error)}`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
