import { loopbackHost } from '@slipway/platform-contract';
import { isPortFree } from './dev-port.ts';

/** The ports a service is about to take, checked before anything starts. */
export interface ServicePorts {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly metricsPort: number;
  /** The inspector's port on loopback, when `--inspect` asks for one. */
  readonly inspect?: number | undefined;
  /** Whether another slipway-dev already runs this service. */
  readonly anotherDevRuns: boolean;
}

/**
 * What stops the service from taking its ports, with how to see the holder and the fix; undefined
 * when all are free. Checked before anything starts: the service would only crash with EADDRINUSE
 * (or stop at once on a taken metrics port), and slipway-dev would probe whatever holds the port
 * and could take it for the service.
 * @example const problem = await portConflict({ name: 'orders', host: '127.0.0.1', port: 3001, metricsPort: 9465, anotherDevRuns: false });
 */
export async function portConflict(ports: ServicePorts): Promise<string | undefined> {
  const { name, host, port, metricsPort, inspect } = ports;
  if (!(await isPortFree(host, port))) {
    const other = ports.anotherDevRuns ? ` (another slipway-dev runs ${name})` : '';
    return (
      `port ${port} on ${host} is in use${other}, so ${name} cannot listen there. ` +
      `See what holds it: lsof -iTCP:${port} -sTCP:LISTEN (or ss -ltnp 'sport = :${port}'); ` +
      `stop it, or run on another port: PORT=<port> npm run dev`
    );
  }
  if (!(await isPortFree(host, metricsPort))) {
    return (
      `metrics port ${metricsPort} on ${host} is in use, so ${name} cannot serve its metrics there. ` +
      `See what holds it: lsof -iTCP:${metricsPort} -sTCP:LISTEN; ` +
      `stop it, or pick another: METRICS_PORT=<port> npm run dev`
    );
  }
  if (inspect !== undefined && !(await isPortFree(loopbackHost, inspect))) {
    return (
      `inspector port ${inspect} on ${loopbackHost} is in use (another debugged Node process?): ` +
      `see what holds it: lsof -iTCP:${inspect} -sTCP:LISTEN; or pick another: --inspect=<port>`
    );
  }
  return undefined;
}
