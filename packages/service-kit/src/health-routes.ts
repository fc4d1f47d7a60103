import type { Hono } from 'hono';
import type { Env } from 'hono/types';
import type { Health, ProbeKind } from '@slipway/health';
import { probeStatusCode } from '@slipway/health';
import { serverPaths } from '@slipway/platform-contract';

/** The path of each probe's endpoint. */
export const probePaths: Readonly<Record<ProbeKind, string>> = {
  liveness: serverPaths.liveness,
  readiness: serverPaths.readiness,
  startup: serverPaths.startup,
};

/**
 * Serves `/livez`, `/readyz` and `/startupz` from `health`: the probe's JSON report, 200 when it
 * passes and 503 when it fails, never cached.
 *
 * @example
 * const health = new Health({ readiness: [postgresCheck({ connectionString })] });
 * addHealthRoutes(app, health);
 */
export function addHealthRoutes<E extends Env>(app: Hono<E>, health: Health): void {
  for (const [probe, path] of Object.entries(probePaths) as [ProbeKind, string][]) {
    app.get(path, async function probeHandler(c) {
      const report = await health.run(probe);
      return c.json(report, probeStatusCode(report), { 'Cache-Control': 'no-store' });
    });
  }
}
