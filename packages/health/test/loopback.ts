import type { Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';

/** Listens on 127.0.0.1 on an ephemeral port and returns the port. */
export function listenOnLoopback(server: Server | HttpServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('no TCP address'));
      else resolve(address.port);
    });
  });
}

/** A loopback port that nothing listens on: bound once by us, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listenOnLoopback(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Tracks a server's open sockets, so tests can wait until every client has disconnected. */
export function trackSockets(server: Server | HttpServer) {
  const open = new Set<Socket>();
  let onEmpty: (() => void) | undefined;
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => {
      open.delete(socket);
      if (open.size === 0) onEmpty?.();
    });
  });
  return {
    get openCount() {
      return open.size;
    },
    /** Resolves once no client is connected. */
    allClosed(): Promise<void> {
      if (open.size === 0) return Promise.resolve();
      return new Promise((resolve) => {
        onEmpty = resolve;
      });
    },
    /** Stops the server, cutting connections still open. */
    close(): Promise<void> {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
