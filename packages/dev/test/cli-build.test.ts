import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureRepo, type FixtureRepo } from './fixture-repo.ts';
import { serviceKitStub } from './service-kit-stub.ts';

const kit = serviceKitStub('apps/hello');

const bin = fileURLToPath(new URL('../bin/slipway-build.js', import.meta.url));

describe('slipway-build', () => {
  let repo: FixtureRepo | undefined;
  afterEach(() => repo?.remove());

  it('builds the service in the current folder and says what it wrote', () => {
    repo = createFixtureRepo({ ...kit, 'apps/hello/src/index.ts': 'console.log("hello");\n' });
    const result = spawnSync(process.execPath, [bin], {
      cwd: repo.path('apps/hello'),
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^built dist\/index\.js \(\d+ KiB\) and dist\/tracing\.js in \d+ ms/,
    );
    expect(existsSync(repo.path('apps/hello/dist/index.js'))).toBe(true);
    expect(existsSync(repo.path('apps/hello/dist/tracing.js'))).toBe(true);
  });

  it('exits 1 when the entry does not compile', () => {
    repo = createFixtureRepo({ ...kit, 'apps/hello/src/index.ts': 'export const = ;\n' });
    const result = spawnSync(process.execPath, [bin], {
      cwd: repo.path('apps/hello'),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('slipway-build failed');
  });

  it.each([
    [['--help'], 0, 'stdout'],
    [['--nope'], 2, 'stderr'],
  ] as const)('with %j exits %i and prints its usage', (args, status, stream) => {
    const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    expect(result.status).toBe(status);
    expect(result[stream]).toContain('Usage: slipway-build');
  });
});
