import { once } from 'node:events';
import { Agent, createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One backend of the proxy, with its own keep-alive connection pool. */
interface Upstream {
  readonly name: string;
  readonly port: number;
  readonly agent: Agent;
  /** Responses it gave, and how many of them asked to close the connection. */
  responses: number;
  connectionClose: number;
}

/** A load balancer on loopback, like a Service's endpoints behind kube-proxy or an ingress. */
export interface RoundRobinProxy {
  readonly port: number;
  add(name: string, port: number): void;
  /** Stops routing new requests to `name`, as endpoint removal does; its idle connections close. */
  remove(name: string): void;
  stats(name: string): { responses: number; connectionClose: number };
  /** Every failed attempt to reach a backend (for example a reset keep-alive connection). */
  readonly upstreamErrors: readonly string[];
  close(): Promise<void>;
}

// Hop-by-hop headers describe one connection; a proxy never forwards them.
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te']);

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !hopByHop.has(name)));
}

/**
 * Starts a round-robin HTTP proxy on 127.0.0.1 that keeps connections to its backends alive.
 * A backend failure answers 502 and is recorded in `upstreamErrors`.
 * @example const proxy = await startRoundRobinProxy(); proxy.add('a', 4001);
 */
export async function startRoundRobinProxy(): Promise<RoundRobinProxy> {
  const pool: Upstream[] = [];
  const all = new Map<string, Upstream>();
  const upstreamErrors: string[] = [];
  let turn = 0;

  const server: Server = createServer((incoming, outgoing) => {
    const upstream = pool[turn++ % pool.length];
    if (!upstream) {
      outgoing.writeHead(503).end();
      return;
    }
    const forwarded = request(
      {
        host: '127.0.0.1',
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: endToEnd(incoming.headers),
        agent: upstream.agent,
      },
      (answer) => {
        upstream.responses += 1;
        if (answer.headers.connection === 'close') upstream.connectionClose += 1;
        outgoing.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', (error: NodeJS.ErrnoException) => {
      upstreamErrors.push(`${upstream.name}: ${error.code ?? error.message}`);
      if (outgoing.headersSent) outgoing.destroy();
      else outgoing.writeHead(502).end();
    });
    incoming.pipe(forwarded);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');

  return {
    port: (server.address() as AddressInfo).port,
    upstreamErrors,
    add(name, port) {
      const upstream = {
        name,
        port,
        agent: new Agent({ keepAlive: true, maxSockets: 16 }),
        responses: 0,
        connectionClose: 0,
      };
      all.set(name, upstream);
      pool.push(upstream);
    },
    remove(name) {
      const index = pool.findIndex((upstream) => upstream.name === name);
      if (index >= 0) pool.splice(index, 1);
    },
    stats(name) {
      const upstream = all.get(name);
      return {
        responses: upstream?.responses ?? 0,
        connectionClose: upstream?.connectionClose ?? 0,
      };
    },
    async close() {
      for (const upstream of all.values()) upstream.agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
