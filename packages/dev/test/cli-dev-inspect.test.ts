import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, type DevProcess, freePort, startDev } from './dev-process.ts';
import { createFixtureRepo, type FixtureRepo } from './fixture-repo.ts';

const service = `import { createServer } from 'node:http';
createServer((_req, res) => res.end()).listen(Number(process.env.PORT), process.env.HOST);
`;

interface InspectorTarget {
  readonly webSocketDebuggerUrl: string;
}

describe('slipway-dev --inspect', () => {
  let repo: FixtureRepo | undefined;
  let dev: DevProcess | undefined;

  afterEach(async () => {
    await dev?.stop();
    repo?.remove();
  });

  it("should open the service's inspector on 127.0.0.1 only, even when it listens on every interface", async () => {
    const [port, inspector] = [await freePort(), await freePort()];
    repo = createFixtureRepo({
      'apps/hello/service.yaml': `name: hello\nport: ${port}\n`,
      'apps/hello/src/index.ts': service,
    });
    dev = startDev(repo.path('apps/hello'), { HOST: '0.0.0.0' }, [
      `--inspect=${inspector}`,
      '--env',
      'HOST=0.0.0.0',
    ]);
    await dev.waitForOutput('hello is ready on');
    expect(dev.stdout()).toContain(
      `[slipway-dev] inspector of hello on 127.0.0.1:${inspector}: attach from chrome://inspect`,
    );

    const targets = (await (
      await fetch(`http://127.0.0.1:${inspector}/json/list`)
    ).json()) as InspectorTarget[];
    expect(targets.map((target) => target.webSocketDebuggerUrl)).toEqual([
      expect.stringMatching(new RegExp(`^ws://127\\.0\\.0\\.1:${inspector}/`)),
    ]);
    // Bound to 127.0.0.1 itself: another loopback address (or the network) finds nothing.
    await expect(fetch(`http://127.0.0.2:${inspector}/json/list`)).rejects.toThrow();
    // The service itself does listen on every interface, as --env HOST asked.
    expect((await fetch(`http://127.0.0.2:${port}/`)).status).toBe(200);
  });

  it('should name an inspector port another process holds, and exit 1', async () => {
    const [port, inspector] = [await freePort(), await freePort()];
    repo = createFixtureRepo({ 'apps/hello/service.yaml': `name: hello\nport: ${port}\n` });
    const holder = createServer().listen(inspector, '127.0.0.1');
    await once(holder, 'listening');
    try {
      dev = startDev(repo.path('apps/hello'), {}, [`--inspect=${inspector}`]);
      expect(await dev.exited()).toBe(1);
      expect(dev.stderr()).toContain(`inspector port ${inspector} on 127.0.0.1 is in use`);
    } finally {
      holder.close();
    }
  });

  it('should refuse an inspector address, and exit 1', () => {
    repo = createFixtureRepo({ 'apps/hello/service.yaml': 'name: hello\nport: 4100\n' });
    const bin = fileURLToPath(new URL('../bin/slipway-dev.js', import.meta.url));
    const result = spawnSync(process.execPath, [bin, '--inspect=0.0.0.0:9229'], {
      cwd: repo.path('apps/hello'),
      env: cleanEnv({}),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--inspect=0.0.0.0:9229 is not a port number');
  });
});
