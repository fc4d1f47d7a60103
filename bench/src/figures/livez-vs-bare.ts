import { fileURLToPath } from 'node:url';
import type { Figure, Row } from '../figure.js';
import { buildServices, repoRoot } from '../lib/build-services.js';
import { runLoad } from '../lib/load.js';
import { type NodeServer, type NodeServerOptions, startNodeServer } from '../lib/node-server.js';
import { median } from '../lib/stats.js';

const settings = {
  /** Cold starts of each server, for start-up time and RSS. */
  starts: Number(process.env.BENCH_STARTS ?? 3),
  /** Load rounds of each server, alternating, so drift on the machine hits both alike. */
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  durationSeconds: Number(process.env.BENCH_DURATION_S ?? 5),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
};

const targets = { throughputRatio: 0.8, startupMs: 300, rssBytes: 80e6 };

const servers: Record<'service' | 'bare', NodeServerOptions> = {
  service: {
    script: `${repoRoot}apps/gateway/dist/index.js`,
    env: { NODE_ENV: 'production', LOG_LEVEL: 'info' },
  },
  bare: { script: fileURLToPath(new URL('../../fixtures/bare-livez.mjs', import.meta.url)) },
};
const names = ['bare', 'service'] as const;

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const perSecond = (value: number) => `${Math.round(value)} req/s`;

/**
 * The built gateway against a bare `node:http` server answering the same `/livez`: throughput,
 * p99 latency, start-up to first 200 and RSS after start.
 */
export const livezVsBare: Figure = {
  name: 'livez',
  async run(progress) {
    progress('building gateway (turbo, cached when unchanged)');
    buildServices(['gateway']);

    const startup = { service: [] as number[], bare: [] as number[] };
    const rss = { service: [] as number[], bare: [] as number[] };
    for (let i = 1; i <= settings.starts; i += 1) {
      for (const name of names) {
        const server = await startNodeServer(servers[name]);
        startup[name].push(server.startupMs);
        rss[name].push(server.rssAfterStartBytes);
        progress(
          `cold start ${i}/${settings.starts} ${name}: ${ms(server.startupMs)}, ${mb(server.rssAfterStartBytes)}`,
        );
        await server.stop();
      }
    }

    const running: Record<(typeof names)[number], NodeServer> = {
      bare: await startNodeServer(servers.bare),
      service: await startNodeServer(servers.service),
    };
    const rps = { service: [] as number[], bare: [] as number[] };
    const p99 = { service: [] as number[], bare: [] as number[] };
    let failures = { service: 0, bare: 0 };
    try {
      for (const name of names) {
        progress(`warming up ${name} (1 s)`);
        await runLoad({ url: `${running[name].url}/livez`, durationSeconds: 1 });
      }
      for (let round = 1; round <= settings.rounds; round += 1) {
        for (const name of names) {
          const result = await runLoad({
            url: `${running[name].url}/livez`,
            durationSeconds: settings.durationSeconds,
            connections: settings.connections,
          });
          rps[name].push(result.requestsPerSecond);
          p99[name].push(result.p99LatencyMs);
          failures = { ...failures, [name]: failures[name] + result.failures };
          progress(
            `round ${round}/${settings.rounds} ${name}: ${perSecond(result.requestsPerSecond)}, p99 ${ms(result.p99LatencyMs)}`,
          );
        }
      }
    } finally {
      await Promise.all(names.map((name) => running[name].stop()));
    }

    const throughputRatio = median(rps.service) / median(rps.bare);
    const row = (metric: string, format: (n: number) => string, values: typeof rps) => ({
      figure: 'gateway /livez',
      metric,
      subject: format(median(values.service)),
      baseline: format(median(values.bare)),
      ratio: median(values.service) / median(values.bare),
    });
    const rows: Row[] = [
      {
        ...row('throughput (median)', perSecond, rps),
        target: {
          text: `≥ ${targets.throughputRatio.toFixed(2)} × bare`,
          met: throughputRatio >= targets.throughputRatio,
        },
      },
      row('p99 latency (median)', ms, p99),
      {
        ...row('start-up to first 200', ms, startup),
        target: {
          text: `< ${targets.startupMs} ms`,
          met: median(startup.service) < targets.startupMs,
        },
      },
      {
        ...row('RSS after start', mb, rss),
        target: { text: `< ${mb(targets.rssBytes)}`, met: median(rss.service) < targets.rssBytes },
      },
      {
        figure: 'gateway /livez',
        metric: 'failed requests',
        subject: String(failures.service),
        baseline: String(failures.bare),
        target: { text: '= 0', met: failures.service === 0 },
      },
    ];
    return rows;
  },
};
