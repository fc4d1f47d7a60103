import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BaseConfig } from '@slipway/config';
import { type ServerPair, sides } from './compare-servers.ts';
import { startNodeServer } from './node-server.ts';

// After SIGTERM a service keeps serving for the drain delay; the warm-up run need not wait.
const drainVariable: keyof BaseConfig = 'SHUTDOWN_DRAIN_MS';

/** A compile cache one run of each server has filled, and the servers' options that use it. */
export interface WarmCompileCache {
  readonly servers: ServerPair;
  /** Bytes of cached code written by the warm-up runs. */
  readonly bytes: number;
  remove(): void;
}

/**
 * Points `NODE_COMPILE_CACHE` at a new directory and runs each server once, stopping it with
 * SIGTERM: Node writes the cache when the process exits, so a killed process would leave none.
 * A server that does not exit on SIGTERM by itself (a bare `node:http` script) writes nothing.
 * @example const cache = await warmCompileCache(pair); try { … cache.servers … } finally { cache.remove(); }
 */
export async function warmCompileCache(servers: ServerPair): Promise<WarmCompileCache> {
  const directory = mkdtempSync(join(tmpdir(), 'slipway-bench-compile-cache-'));
  const using = (extra: Record<string, string>) => (side: keyof ServerPair) => ({
    ...servers[side],
    env: { ...servers[side].env, NODE_COMPILE_CACHE: directory, ...extra },
  });
  const warmUp = using({ [drainVariable]: '0' });
  for (const side of sides) await (await startNodeServer(warmUp(side))).stop('SIGTERM');
  const measured = using({});
  const bytes = readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
  return {
    servers: { baseline: measured('baseline'), subject: measured('subject') },
    bytes,
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}
