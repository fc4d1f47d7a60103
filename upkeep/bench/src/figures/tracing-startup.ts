import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Figure, Row } from '../figure.ts';
import { buildFixture, buildServices, repoRoot } from '../lib/build-services.ts';
import {
  type ColdStarts,
  compareRow,
  measureColdStarts,
  startSamples,
} from '../lib/compare-servers.ts';
import { mb, ms } from '../lib/format.ts';
import type { NodeServerOptions } from '../lib/node-server.ts';
import { serverSettings } from '../lib/settings.ts';
import { median } from '../lib/stats.ts';

const targets = { costMs: 30 };
const figure = 'tracing start-up';
const gateway = `${repoRoot}apps/gateway/dist/index.js`;
const env = { NODE_ENV: 'production', LOG_LEVEL: 'info' };

/**
 * The built gateway started as today (no tracing) and with tracing on: `node --import` of the
 * service kit's tracing entry point, bundled as an image would load it, and
 * `OTEL_EXPORTER_OTLP_ENDPOINT` pointing at a collector stand-in on 127.0.0.1. Starts alternate
 * (off, on, off, …); the cost is the median of each round's difference.
 */
export const tracingStartup: Figure = {
  name: 'tracing',
  summary: 'gateway start-up with tracing on (--import of the kit entry, OTLP endpoint) vs off',
  async run(progress) {
    progress('building gateway (turbo, cached when unchanged) and the tracing entry point');
    buildServices(['gateway']);
    const entry = await buildFixture('tracing-entry');
    // Spans are batched for 5 s: none reaches it while a start is timed, but the endpoint is real.
    const collector = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(200).end('{}'));
    }).listen(0, '127.0.0.1');
    await once(collector, 'listening');
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    let starts: Record<'off' | 'on', ColdStarts>;
    try {
      const servers: Record<'off' | 'on', NodeServerOptions> = {
        off: { script: gateway, env },
        on: {
          script: gateway,
          nodeArgs: [`--import=${entry}`],
          env: { ...env, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'gateway' },
        },
      };
      starts = await measureColdStarts(servers, serverSettings.starts, progress);
    } finally {
      collector.close();
    }
    const cost = (measure: 'startupMs' | 'cpuMs') =>
      median(starts.on[measure].map((on, round) => on - (starts.off[measure][round] ?? 0)));
    const wallCost = cost('startupMs');
    const rows: Row[] = [
      compareRow(
        figure,
        'start-up to first 200, on vs off',
        ms,
        startSamples(starts.off, starts.on, 'startupMs'),
      ),
      {
        figure,
        metric: 'cost of tracing (on − off, per round)',
        subject: ms(wallCost),
        target: { text: `≤ ${ms(targets.costMs)}`, met: wallCost <= targets.costMs },
      },
      compareRow(
        figure,
        'CPU to first 200, on vs off',
        ms,
        startSamples(starts.off, starts.on, 'cpuMs'),
      ),
      { figure, metric: 'CPU cost of tracing (on − off, per round)', subject: ms(cost('cpuMs')) },
      compareRow(
        figure,
        'RSS after start, on vs off',
        mb,
        startSamples(starts.off, starts.on, 'rssBytes'),
      ),
    ];
    return rows;
  },
};
