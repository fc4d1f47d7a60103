import { fileURLToPath } from 'node:url';
import type { Figure, Row } from '../figure.ts';
import { buildFixture } from '../lib/build-services.ts';
import {
  compareRow,
  measureColdStarts,
  measureLoad,
  once,
  ratioAtLeast,
  type ServerPair,
  startSamples,
} from '../lib/compare-servers.ts';
import { mb, ms } from '../lib/format.ts';
import { loadRows } from '../lib/load-rows.ts';
import { sampleOrder } from '../lib/sample-order.ts';
import { loadSettings, serverSettings } from '../lib/settings.ts';

const targets = { throughputRatio: 0.8 };
const figure = 'kit POST /orders';

/**
 * A validated JSON `POST` through the whole kit (request id, access log, metrics, security
 * headers, body limit, zod validation, problem answers) in `fixtures/post-service`, bundled like
 * a service, against bare `node:http` reading, parsing, checking and answering the same JSON
 * (`fixtures/bare-post.mjs`): throughput, p99 latency, start-up, RSS after start and after load.
 */
export const postVsBare: Figure = {
  name: 'post',
  summary:
    'a validated JSON POST through the kit vs bare node:http: throughput, p99, start-up, RSS',
  async run(progress) {
    progress('bundling fixtures/post-service');
    const servers: ServerPair = {
      subject: {
        script: await buildFixture('post-service'),
        env: { NODE_ENV: 'production', LOG_LEVEL: 'info' },
      },
      baseline: {
        script: fileURLToPath(new URL('../../fixtures/bare-post.mjs', import.meta.url)),
      },
    };
    const { baseline, subject } = await measureColdStarts(servers, serverSettings.starts, progress);
    const load = await measureLoad(
      servers,
      {
        path: '/orders',
        method: 'POST',
        body: JSON.stringify(sampleOrder),
        headers: { 'content-type': 'application/json' },
        ...loadSettings,
      },
      progress,
    );

    const rows: Row[] = [
      ...loadRows(figure, load, ratioAtLeast(targets.throughputRatio), 'failed requests (non-2xx)'),
      compareRow(figure, 'start-up to first 200', ms, startSamples(baseline, subject, 'startupMs')),
      compareRow(figure, 'RSS after start', mb, startSamples(baseline, subject, 'rssBytes')),
      compareRow(
        figure,
        'RSS after load',
        mb,
        once(load.memoryAfterLoad, (memory) => memory.rssBytes),
      ),
    ];
    return rows;
  },
};
