import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isPortFree } from '../src/dev-port.ts';
import { type DevProcess, freePort, startDev } from './dev-process.ts';
import { createFixtureRepo, type FixtureRepo } from './fixture-repo.ts';

// Ready at once; answers with its GREETING and the URL it calls world at.
const service = `import { createServer } from 'node:http';
createServer((_req, res) => res.end(JSON.stringify({ greeting: process.env.GREETING, world: process.env.WORLD_URL })))
  .listen(Number(process.env.PORT), process.env.HOST);
`;

async function fixture(): Promise<{ repo: FixtureRepo; ports: { hello: number; world: number } }> {
  const ports = { hello: await freePort(), world: await freePort() };
  const repo = createFixtureRepo({
    'apps/hello/service.yaml': `name: hello\nport: ${ports.hello}\ncalls: [world]\n`,
    'apps/hello/src/index.ts': service,
    'apps/world/service.yaml': `name: world\nport: ${ports.world}\ncalledBy: [hello]\n`,
    'apps/world/package.json':
      '{ "scripts": { "dev": "slipway-dev --env GREETING=from-script" } }\n',
    'apps/world/src/index.ts': service,
  });
  return { repo, ports };
}

describe('slipway-dev and callees that are not running', () => {
  let repo: FixtureRepo | undefined;
  const running: DevProcess[] = [];

  afterEach(async () => {
    await Promise.all(running.splice(0).map((dev) => dev.stop()));
    repo?.remove();
  });

  function dev(service: string, args: string[] = []): DevProcess {
    const started = startDev(repo?.path(`apps/${service}`) ?? '', {}, args);
    running.push(started);
    return started;
  }

  it('should name a callee nobody runs, say how to start it, and start the caller without it', async () => {
    let ports: { hello: number; world: number };
    ({ repo, ports } = await fixture());
    const hello = dev('hello');
    await hello.waitForOutput(`hello is ready on http://127.0.0.1:${ports.hello}`);
    expect(hello.stdout()).toContain(
      `[slipway-dev] world is not running (nothing answers at http://127.0.0.1:${ports.world}): ` +
        'start it in another terminal (npm run dev --workspace world), ' +
        'or start hello with its callees (npm run dev --workspace hello -- --with-callees)',
    );
    expect(hello.stdout()).toContain('starting hello without world');
  });

  it('should start the callees first with --with-callees, with their dev script, and stop them on Ctrl-C', async () => {
    let ports: { hello: number; world: number };
    ({ repo, ports } = await fixture());
    const hello = dev('hello', ['--with-callees']);
    await hello.waitForOutput(`hello is ready on http://127.0.0.1:${ports.hello}`);
    await hello.waitForOutput(
      `world | [slipway-dev] world is ready on http://127.0.0.1:${ports.world}`,
    );
    const lines = [
      '[slipway-dev] starting world first (--with-callees)',
      '[slipway-dev] world is ready: starting hello',
      '[slipway-dev] hello is starting…',
    ];
    const positions = lines.map((line) => hello.stdout().indexOf(line));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const world = await (await fetch(`http://127.0.0.1:${ports.world}/`)).json();
    expect(world).toMatchObject({ greeting: 'from-script' });

    process.kill(-(hello.child.pid ?? 0), 'SIGINT');
    expect(await hello.exited()).toBe(0);
    expect(hello.stdout()).toContain('world | [slipway-dev] world stopped (exit ');
    expect(await isPortFree('127.0.0.1', ports.world)).toBe(true);
  });

  it('should start no second copy of a callee that already runs', async () => {
    let ports: { hello: number; world: number };
    ({ repo, ports } = await fixture());
    const world = dev('world');
    await world.waitForOutput('world is ready on');
    const hello = dev('hello', ['--with-callees']);
    await hello.waitForOutput(`hello is ready on http://127.0.0.1:${ports.hello}`);
    expect(hello.stdout()).not.toContain('first (--with-callees)');
    expect(hello.stdout()).not.toContain('world |');
  });

  it('should name a port another process holds, and exit 1', async () => {
    let ports: { hello: number; world: number };
    ({ repo, ports } = await fixture());
    const holder = createServer().listen(ports.world, '127.0.0.1');
    await once(holder, 'listening');
    try {
      const world = dev('world');
      expect(await world.exited()).toBe(1);
      expect(world.stderr()).toContain(
        `slipway-dev: port ${ports.world} on 127.0.0.1 is in use, so world cannot listen there. ` +
          `See what holds it: lsof -iTCP:${ports.world} -sTCP:LISTEN`,
      );
    } finally {
      holder.close();
    }
  });
});
