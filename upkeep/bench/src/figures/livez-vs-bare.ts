import { fileURLToPath } from 'node:url';
import type { Figure, Row } from '../figure.ts';
import { buildServices, repoRoot } from '../lib/build-services.ts';
import {
  atMost,
  compareRow,
  measureColdStarts,
  measureLoad,
  once,
  ratioAtLeast,
  type ServerPair,
  startSamples,
} from '../lib/compare-servers.ts';
import { warmCompileCache } from '../lib/compile-cache.ts';
import { mb, ms } from '../lib/format.ts';
import { loadRows } from '../lib/load-rows.ts';
import { loadSettings, serverSettings } from '../lib/settings.ts';

const targets = { throughputRatio: 0.9, startupMs: 120, rssBytes: 55e6 };

const servers: ServerPair = {
  subject: {
    script: `${repoRoot}apps/gateway/dist/index.js`,
    env: { NODE_ENV: 'production', LOG_LEVEL: 'info' },
  },
  baseline: { script: fileURLToPath(new URL('../../fixtures/bare-livez.mjs', import.meta.url)) },
};

const figure = 'gateway /livez';

/**
 * The built gateway against a bare `node:http` server answering the same `/livez`: throughput,
 * p99 latency, start-up to first 200 (also with a warm `NODE_COMPILE_CACHE`), RSS after start
 * and after load.
 */
export const livezVsBare: Figure = {
  name: 'livez',
  summary:
    'gateway /livez vs bare node:http: throughput, p99, start-up (also with a compile cache), RSS',
  async run(progress) {
    progress('building gateway (turbo, cached when unchanged)');
    buildServices(['gateway']);

    progress('filling a compile cache (one run of each, stopped with SIGTERM)');
    const cache = await warmCompileCache(servers);
    let starts: Awaited<ReturnType<typeof startsOfAll>>;
    try {
      progress(`compile cache: ${mb(cache.bytes)} written`);
      starts = await startsOfAll(cache.servers, progress);
    } finally {
      cache.remove();
    }
    const load = await measureLoad(servers, { path: '/livez', ...loadSettings }, progress);

    const rows: Row[] = [
      ...loadRows(figure, load, ratioAtLeast(targets.throughputRatio)),
      compareRow(
        figure,
        'start-up to first 200',
        ms,
        startSamples(starts.bare, starts.gateway, 'startupMs'),
        atMost(targets.startupMs, ms),
      ),
      compareRow(
        figure,
        'start-up, warm NODE_COMPILE_CACHE',
        ms,
        startSamples(starts['bare, cache'], starts['gateway, cache'], 'startupMs'),
        atMost(targets.startupMs, ms),
      ),
      compareRow(
        figure,
        'RSS after start',
        mb,
        startSamples(starts.bare, starts.gateway, 'rssBytes'),
        atMost(targets.rssBytes, mb),
      ),
      compareRow(
        figure,
        '  of which anonymous',
        mb,
        startSamples(starts.bare, starts.gateway, 'anonBytes'),
      ),
      compareRow(
        figure,
        'RSS after start, warm cache',
        mb,
        startSamples(starts['bare, cache'], starts['gateway, cache'], 'rssBytes'),
      ),
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

// Cold starts with and without the compile cache, taken in turns so drift hits all four alike.
function startsOfAll(cached: ServerPair, progress: (message: string) => void) {
  return measureColdStarts(
    {
      bare: servers.baseline,
      gateway: servers.subject,
      'bare, cache': cached.baseline,
      'gateway, cache': cached.subject,
    },
    serverSettings.starts,
    progress,
  );
}
