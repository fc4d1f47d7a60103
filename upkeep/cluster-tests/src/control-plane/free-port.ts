import { createServer } from 'node:net';

/**
 * An ephemeral TCP port on 127.0.0.1 that was free a moment ago: the kernel picks it, so two
 * suites on one machine never collide on a fixed port.
 * @example const port = await freePort();
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port assigned');
  return address.port;
}
