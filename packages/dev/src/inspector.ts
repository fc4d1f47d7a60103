import { devHost } from './dev-environment.ts';

/** The default inspector port is the service's port plus this: gateway 3000 → 9229 (Node's). */
export const inspectorPortOffset = 6229;

/**
 * The port of a service's Node inspector under `slipway-dev --inspect[=<port>]`: the one asked
 * for, or else the service's port + {@link inspectorPortOffset}, so each service has its own
 * and keeps it across runs (a VS Code attach configuration names it).
 * @throws Error when `requested` is not a port number, or the default would exceed 65535.
 * @example inspectorPort(3001, ''); // 9230
 */
export function inspectorPort(servicePort: number, requested: string): number {
  if (requested === '') {
    const port = servicePort + inspectorPortOffset;
    if (port > 65_535) {
      throw new Error(`no default inspector port for port ${servicePort}: use --inspect=<port>`);
    }
    return port;
  }
  const port = /^\d{1,5}$/.test(requested) ? Number(requested) : Number.NaN;
  if (!(port >= 1 && port <= 65_535)) {
    throw new Error(
      `--inspect=${requested} is not a port number: give a port from 1 to 65535 (the inspector listens on ${devHost} only)`,
    );
  }
  return port;
}

/**
 * The Node flag that opens the inspector on loopback, whatever `HOST` the service listens on:
 * an inspector runs any code it is sent, so it is never reachable from the network.
 * @example inspectorFlag(9230); // '--inspect=127.0.0.1:9230'
 */
export function inspectorFlag(port: number): string {
  return `--inspect=${devHost}:${port}`;
}
