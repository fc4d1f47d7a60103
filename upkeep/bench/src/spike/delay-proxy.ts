import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';
import { loopbackHost } from '@slipway/platform-contract';

/** A TCP proxy on 127.0.0.1 that holds every reply for a fixed time. */
export interface DelayProxy {
  readonly port: number;
  close(): Promise<void>;
}

/** Options of {@link startDelayProxy}. */
export interface DelayProxyOptions {
  /** Where the proxy connects, e.g. a PostgreSQL server. */
  readonly target: { readonly host: string; readonly port: number };
  /** How long each chunk the target sends is held before the client gets it. */
  readonly delayMs: number;
}

/**
 * Makes a dependency slow by a fixed amount, whatever the machine: each round trip to the
 * target takes at least `delayMs`. Requests go through at once; only replies wait, in order
 * (Node fires timers of the same delay in the order they were set).
 * @example const proxy = await startDelayProxy({ target: { host: '127.0.0.1', port: 5432 }, delayMs: 25 });
 */
export async function startDelayProxy({ target, delayMs }: DelayProxyOptions): Promise<DelayProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = createServer(function proxyConnection(client) {
    const upstream = connect(target.port, target.host);
    track(client);
    track(upstream);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      setTimeout(() => {
        if (!client.destroyed) client.write(chunk);
      }, delayMs);
    });
    upstream.on('end', () => setTimeout(() => client.end(), delayMs));
    // Either side failing ends both: the client sees a closed connection, as it would.
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
    client.on('close', () => upstream.destroy());
  });
  server.listen(0, loopbackHost);
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    port: address.port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
