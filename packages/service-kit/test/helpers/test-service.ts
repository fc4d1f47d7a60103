import {
  createServiceApp,
  type Service,
  type ServiceAppOptions,
  startService,
} from '../../src/index.ts';

/** A log line as the service wrote it. */
export type LogLine = Record<string, unknown>;

export interface TestService {
  readonly service: Service;
  readonly url: string;
  /** Where the metrics listener answers `GET /metrics`, on a port apart from `url`'s. */
  readonly metricsUrl: string;
  readonly logs: LogLine[];
  close(): Promise<void>;
}

/**
 * Builds a service, lets `addRoutes` declare routes, and serves it on 127.0.0.1 with ephemeral
 * ports (the API's and the metrics'); log lines are collected in `logs`. Always `close()` it.
 */
export async function startTestService(
  addRoutes: (service: Service) => void = () => {},
  options: Partial<ServiceAppOptions> = {},
): Promise<TestService> {
  const logs: LogLine[] = [];
  const service = createServiceApp({
    name: 'test-service',
    logLevel: 'info',
    defaultMetrics: false,
    logDestination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
    ...options,
  });
  addRoutes(service);
  const running = await startService(service, { port: 0, host: '127.0.0.1', handleSignals: false });
  return {
    service,
    url: running.url,
    metricsUrl: running.metricsUrl,
    logs,
    close: () => running.close(),
  };
}

/** Fails when a body shows internals: stack frames, source paths or node_modules. */
export function expectNoInternals(body: string): void {
  if (/\bat\s+\S+\s+\(|\bat\s+(file:)?\//.test(body) || /\.(ts|js):\d+/.test(body)) {
    throw new Error(`response body shows a stack trace: ${body}`);
  }
  if (body.includes('node_modules') || body.includes('/work/') || body.includes('stack')) {
    throw new Error(`response body shows internals: ${body}`);
  }
}
