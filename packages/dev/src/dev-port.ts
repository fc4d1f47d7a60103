import { createServer } from 'node:net';
import { loopbackHost, platformVariables } from '@slipway/platform-contract';

/**
 * The port a service gets under slipway-dev, from its environment's `PORT` (the shell's, or
 * else the manifest's), or another port variable (`METRICS_PORT`) with what unsetting it gives.
 * slipway-dev announces and probes the service there, so it must be a fixed port: `0` (any free
 * port) or a non-number is refused.
 * @throws Error whose message says what is wrong, e.g. `PORT=abc is not a port number`.
 * @example const port = parseDevPort(env.PORT); // 3001
 */
export function parseDevPort(
  value: string | undefined,
  variable: string = platformVariables.port,
  unsetGives = "the manifest's port",
): number {
  const port = /^\d{1,5}$/.test(value ?? '') ? Number(value) : Number.NaN;
  if (!(port >= 1 && port <= 65_535)) {
    throw new Error(
      `${variable}=${value ?? ''} is not a port number: set ${variable} to a number from 1 to 65535, or unset it to use ${unsetGives}`,
    );
  }
  return port;
}

/**
 * The URL that reaches a server listening on `host`:`port` from this machine: loopback when it
 * listens on every interface, brackets around an IPv6 address.
 * @example listenerUrl('0.0.0.0', 3001); // 'http://127.0.0.1:3001'
 */
export function listenerUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '::') return `http://${loopbackHost}:${port}`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * Whether a server could listen on `host`:`port` right now (nothing else holds it). Only
 * `EADDRINUSE` counts as taken; other errors are left for the service to report.
 * @example if (!(await isPortFree('127.0.0.1', 3001))) console.error('port 3001 is in use');
 */
export async function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code !== 'EADDRINUSE'));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
