import { fileURLToPath } from 'node:url';
import type { Figure, Row } from '../figure.ts';
import { buildFixture } from '../lib/build-services.ts';
import {
  atMost,
  type ColdStarts,
  compareRow,
  measureColdStarts,
  measureLoad,
  once,
  pairOf,
  ratioAtLeast,
  startSamples,
} from '../lib/compare-servers.ts';
import { mb, ms } from '../lib/format.ts';
import { imageMemoryEnv } from '../lib/image-env.ts';
import { loadRows } from '../lib/load-rows.ts';
import { sampleOrder } from '../lib/sample-order.ts';
import { loadSettings, serverSettings } from '../lib/settings.ts';
import { median } from '../lib/stats.ts';

const targets = { bareRatio: 0.8, fastifyRatio: 1, rssOverBareBytes: 10e6 };
const figure = 'kit POST /orders';
const versusFastify = 'kit POST ÷ Fastify (production-configured)';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

/**
 * A validated JSON `POST` through the whole kit (request id, access log, metrics, security
 * headers, body limit, zod validation, problem answers) in `fixtures/post-service`, bundled like
 * a service, against two baselines loaded in the same rounds: bare `node:http` reading, parsing,
 * checking and answering the same JSON (`fixtures/bare-post.mjs`), and Fastify 5 configured as
 * production runs it (`fixtures/fastify-post/index.ts`: logging, JSON-schema validation, request ids,
 * helmet). Throughput, p99 latency, start-up, RSS after start (and the kit's share over bare) and
 * after load.
 */
export const postVsBare: Figure = {
  name: 'post',
  summary:
    'a validated JSON POST through the kit vs bare node:http and a production-configured Fastify: throughput, p99, start-up, RSS',
  async run(progress) {
    progress('bundling fixtures/post-service');
    // Every server's stdout, where both the kit and Fastify log, goes to /dev/null; each runs
    // with the memory settings of the image (docker/Dockerfile).
    const image = imageMemoryEnv();
    const servers = {
      bare: { script: fixture('bare-post.mjs'), env: image },
      fastify: {
        script: fixture('fastify-post/index.ts'),
        env: { ...image, NODE_ENV: 'production' },
      },
      kit: {
        script: await buildFixture('post-service'),
        // A free metrics port: 9464, the default, may be taken by another service on the machine.
        env: { ...image, NODE_ENV: 'production', LOG_LEVEL: 'info', METRICS_PORT: '0' },
      },
    };
    progress(`image memory settings: ${JSON.stringify(image)}`);
    const starts = await measureColdStarts(servers, serverSettings.starts, progress);
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
    const kitVersusBare = pairOf(load, 'bare', 'kit');

    const rows: Row[] = [
      ...loadRows(
        figure,
        kitVersusBare,
        ratioAtLeast(targets.bareRatio),
        'failed requests (non-2xx)',
      ),
      ...loadRows(
        versusFastify,
        pairOf(load, 'fastify', 'kit'),
        ratioAtLeast(targets.fastifyRatio, 'Fastify'),
        'failed requests (non-2xx)',
      ),
      compareRow(
        figure,
        'start-up to first 200',
        ms,
        startSamples(starts.bare, starts.kit, 'startupMs'),
      ),
      compareRow(figure, 'RSS after start', mb, startSamples(starts.bare, starts.kit, 'rssBytes')),
      rssOverBare(starts.kit, starts.bare, targets.rssOverBareBytes),
      compareRow(
        figure,
        'RSS after load',
        mb,
        once(kitVersusBare.memoryAfterLoad, (memory) => memory.rssBytes),
      ),
    ];
    return rows;
  },
};

// The median of each cold-start round's difference (the servers start in turns, so each round's
// pair saw the same machine), against a ceiling.
function rssOverBare(kit: ColdStarts, bare: ColdStarts, maxBytes: number): Row {
  const over = median(kit.rssBytes.map((rss, round) => rss - (bare.rssBytes[round] ?? 0)));
  return {
    figure,
    metric: 'kit RSS − bare, after start',
    subject: mb(over),
    target: { text: atMost(maxBytes, mb).text, met: over <= maxBytes },
  };
}
