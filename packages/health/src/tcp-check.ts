import { connect } from 'node:net';
import { errorCode } from './describe-error.ts';
import type { HealthCheck } from './health-check.ts';
import { onAbort } from './on-abort.ts';

/** Options of {@link tcpCheck}. */
export interface TcpCheckOptions {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  /** Defaults to `HealthOptions.defaultTimeoutMs`. */
  readonly timeoutMs?: number;
}

/**
 * A dependency check that passes when a TCP connection to `host:port` can be opened (it is closed
 * again at once).
 *
 * @example
 * const broker = tcpCheck({ name: 'broker', host: 'nats', port: 4222 });
 */
export function tcpCheck({ name, host, port, timeoutMs }: TcpCheckOptions): HealthCheck {
  return {
    name,
    dependency: true,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    check: function checkTcp(signal) {
      return new Promise<void>((resolve, reject) => {
        const socket = connect({ host, port });
        const dispose = onAbort(signal, () => {
          socket.destroy();
          reject(signal.reason);
        });
        socket.once('connect', () => {
          dispose();
          socket.destroy();
          resolve();
        });
        socket.once('error', (error) => {
          dispose();
          socket.destroy();
          reject(new Error(`TCP connection to ${host}:${port} failed (${errorCode(error)})`));
        });
      });
    },
  };
}
