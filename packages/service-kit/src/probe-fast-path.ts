import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type Health, type ProbeKind, probeStatusCode } from '@slipway/health';
import { probePaths } from './health-routes.ts';
import type { LoadShedding } from './load-shedding.ts';

const probeByPath = new Map(
  (Object.entries(probePaths) as [ProbeKind, string][]).map(([probe, path]) => [path, probe]),
);

function probeOf(request: IncomingMessage): ProbeKind | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const url = request.url ?? '';
  const query = url.indexOf('?');
  return probeByPath.get(query === -1 ? url : url.slice(0, query));
}

function sendReport(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  report: object,
): void {
  const body = JSON.stringify(report);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * Answers the kubelet's probes straight from Node's request listener and hands every other
 * request to `next` (the Hono app). Probes arrive every few seconds from every node, need no
 * request id, access log or metrics, and must stay cheap when the app itself is saturated; the
 * answers are the same JSON reports the app's `/livez`, `/readyz` and `/startupz` routes give,
 * except that readiness fails while `shedding` finds the process saturated. Probes are never shed.
 *
 * @example
 * const server = createServer(withProbeFastPath(health, getRequestListener(app.fetch)));
 */
export function withProbeFastPath(
  health: Health,
  next: RequestListener,
  shedding?: Pick<LoadShedding, 'withPressure'>,
): RequestListener {
  return function probeFastPath(request: IncomingMessage, response: ServerResponse) {
    const probe = probeOf(request);
    if (probe === undefined) {
      next(request, response);
      return;
    }
    // Health.run reports failing checks rather than rejecting; the guard keeps a future
    // rejection from becoming an unhandled one that ends the process.
    health.run(probe).then(
      (report) => {
        const answer = shedding ? shedding.withPressure(report) : report;
        sendReport(request, response, probeStatusCode(answer), answer);
      },
      () => sendReport(request, response, 503, { probe, status: 'fail', checks: [] }),
    );
  };
}
