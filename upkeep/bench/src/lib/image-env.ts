import { readFileSync } from 'node:fs';
import { repoRoot } from './build-services.ts';

// The image's settings that change a process's memory, and nothing else of its environment (its
// NODE_COMPILE_CACHE would warm the bench's cold starts).
const memorySettings = ['MALLOC_ARENA_MAX', 'MALLOC_TRIM_THRESHOLD_'] as const;

/**
 * The memory settings `docker/Dockerfile` gives a service's process, read from it so the bench
 * starts its servers as the image runs them; empty when the image sets none.
 * @example startNodeServer({ script, env: { ...imageMemoryEnv() } });
 */
export function imageMemoryEnv(
  dockerfile = `${repoRoot}docker/Dockerfile`,
): Record<string, string> {
  const text = readFileSync(dockerfile, 'utf8');
  const env: Record<string, string> = {};
  for (const name of memorySettings) {
    const value = new RegExp(`\\b${name}=(\\S+)`).exec(text)?.[1];
    if (value !== undefined) env[name] = value;
  }
  return env;
}
