import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imageMemoryEnv } from './image-env.ts';

const dir = mkdtempSync(join(tmpdir(), 'bench-image-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dockerfile = (text: string) => {
  const path = join(dir, `Dockerfile-${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, text);
  return path;
};

describe('imageMemoryEnv', () => {
  it('should read the memory settings of the image, and none of its other variables', () => {
    const path = dockerfile(
      'FROM node\nENV NODE_ENV=production \\\n    NODE_COMPILE_CACHE=/tmp/c \\\n    MALLOC_ARENA_MAX=2 \\\n    MALLOC_TRIM_THRESHOLD_=131072\n',
    );

    expect(imageMemoryEnv(path)).toEqual({
      MALLOC_ARENA_MAX: '2',
      MALLOC_TRIM_THRESHOLD_: '131072',
    });
  });

  it('should give nothing when the image sets no memory settings', () => {
    expect(imageMemoryEnv(dockerfile('FROM node\nENV NODE_ENV=production\n'))).toEqual({});
  });

  it('should read the repository’s own image', () => {
    expect(Object.keys(imageMemoryEnv()).sort()).toEqual([
      'MALLOC_ARENA_MAX',
      'MALLOC_TRIM_THRESHOLD_',
    ]);
  });
});
