import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { serviceDir } from '@slipway/platform-contract';
import { cleanEnv, type DevProcess, freePort, startDev } from './dev-process.ts';
import { createFixtureRepo, type FixtureRepo } from './fixture-repo.ts';

// Answers /readyz with 503 until the file READY_FILE exists, logs one JSON line and, like the
// service kit, takes its time to stop on SIGINT or SIGTERM.
const gatedService = `import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
const server = createServer((req, res) => {
  res.statusCode = req.url === '/readyz' && !existsSync(process.env.READY_FILE) ? 503 : 200;
  res.end(process.env.WORLD_URL ?? '');
});
server.listen(Number(process.env.PORT), process.env.HOST, () => {
  console.log(JSON.stringify({ level: 'info', time: '2026-01-01T10:00:00.000Z', name: process.env.SERVICE_NAME, msg: 'listening', logLevel: process.env.LOG_LEVEL }));
});
const stop = () => setTimeout(() => server.close(() => process.exit(0)), 300);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
`;

const brokenService = `console.error('config problem: DATABASE_URL is required');
process.exit(1);
`;

async function fixture(
  services: Record<string, string>,
): Promise<{ repo: FixtureRepo; ports: { hello: number; world: number } }> {
  const ports = { hello: await freePort(), world: await freePort() };
  const repo = createFixtureRepo({
    'apps/hello/service.yaml': `name: hello\nport: ${ports.hello}\ncalls: [world]\n`,
    'apps/world/service.yaml': `name: world\nport: ${ports.world}\ncalledBy: [hello]\n`,
    ...services,
  });
  return { repo, ports };
}

describe('slipway-dev lifecycle', () => {
  let repo: FixtureRepo | undefined;
  const running: DevProcess[] = [];

  afterEach(async () => {
    await Promise.all(running.splice(0).map((dev) => dev.stop()));
    repo?.remove();
  });

  function dev(service: string, env: Record<string, string> = {}): DevProcess {
    const started = startDev(repo?.path(serviceDir(service)) ?? '', {
      READY_FILE: repo?.path(`${service}.ready`) ?? '',
      ...env,
    });
    running.push(started);
    return started;
  }

  it('should say the service is starting, and announce it only once its /readyz answers 200', async () => {
    let ports: { world: number };
    ({ repo, ports } = await fixture({ 'apps/world/src/index.ts': gatedService }));
    const world = dev('world');
    await world.waitForOutput('INFO  listening');
    const readyz = await fetch(`http://127.0.0.1:${ports.world}/readyz`);
    expect(readyz.status).toBe(503);
    expect(world.stdout()).toContain('[slipway-dev] world is starting…');
    expect(world.stdout()).not.toContain('is ready');

    writeFileSync(repo.path('world.ready'), '');
    await world.waitForOutput(`world is ready on http://127.0.0.1:${ports.world} (after `);
    expect(world.stdout().match(/is starting/g)).toHaveLength(1);
  });

  it('should start a caller only once its callee is ready, saying it waits', async () => {
    let ports: { hello: number; world: number };
    ({ repo, ports } = await fixture({
      'apps/hello/src/index.ts': gatedService,
      'apps/world/src/index.ts': gatedService,
    }));
    writeFileSync(repo.path('hello.ready'), '');
    // world's slipway-dev runs (so hello knows world is starting), but world is not ready.
    const world = dev('world');
    await world.waitForOutput('world is starting…');
    const hello = dev('hello');
    await hello.waitForOutput('[slipway-dev] hello waits for world…');
    expect(hello.stdout()).not.toContain('hello is starting');

    writeFileSync(repo.path('world.ready'), '');
    await hello.waitForOutput(`hello is ready on http://127.0.0.1:${ports.hello}`);
    const order = ['world is ready: starting hello', 'hello is starting…', 'hello is ready on'];
    const positions = order.map((line) => hello.stdout().indexOf(line));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const body = await (await fetch(`http://127.0.0.1:${ports.hello}/`)).text();
    expect(body).toBe(`http://127.0.0.1:${ports.world}`);
  });

  it('should say the service failed with its exit code, its own errors shown once', async () => {
    ({ repo } = await fixture({ 'apps/world/src/index.ts': brokenService }));
    const world = dev('world');
    await world.waitForOutput('world failed to start (exit 1)');
    expect(world.stdout()).not.toContain('is ready');
    expect(world.stderr().match(/DATABASE_URL is required/g)).toHaveLength(1);
  });

  it('should restart the service when a file it imports changes, and announce it ready again', async () => {
    ({ repo } = await fixture({
      'apps/world/src/index.ts': `import { greeting } from './greeting.ts';\nconsole.log(greeting);\n${gatedService}`,
      'apps/world/src/greeting.ts': "export const greeting: string = 'first greeting';\n",
    }));
    writeFileSync(repo.path('world.ready'), '');
    const world = dev('world');
    await world.waitForOutput('world is ready on');

    writeFileSync(
      repo.path('apps/world/src/greeting.ts'),
      "export const greeting: string = 'second greeting';\n",
    );
    await world.waitForOutput('second greeting');
    await expect
      .poll(() => world.stdout().match(/world is ready on/g)?.length, { timeout: 90_000 })
      .toBe(2);
    expect(world.stdout().match(/is starting/g)).toHaveLength(1);
  });

  it('should stop on Ctrl-C with one line and exit 0, without the watcher force-killing', async () => {
    ({ repo } = await fixture({ 'apps/world/src/index.ts': gatedService }));
    writeFileSync(repo.path('world.ready'), '');
    const world = dev('world');
    await world.waitForOutput('world is ready on');
    // Ctrl-C in a terminal signals the whole foreground group at once.
    process.kill(-(world.child.pid ?? 0), 'SIGINT');
    expect(await world.exited()).toBe(0);
    expect(world.stdout().trimEnd().split('\n').at(-1)).toBe(
      '[slipway-dev] world stopped (exit 0)',
    );
    expect(`${world.stdout()}${world.stderr()}`).not.toMatch(/Force killing|Killing process/);
  });

  it('should show readable logs at info level, or the JSON lines with SLIPWAY_LOG_FORMAT=json', async () => {
    ({ repo } = await fixture({ 'apps/world/src/index.ts': gatedService }));
    const pretty = dev('world');
    await pretty.waitForOutput('10:00:00.000 INFO  listening logLevel=info');
    await pretty.stop();

    const json = dev('world', { SLIPWAY_LOG_FORMAT: 'json' });
    await json.waitForOutput('"msg":"listening"');
    expect(json.stdout()).toContain('{"level":"info","time":"2026-01-01T10:00:00.000Z"');
  });

  it('should refuse a PORT that is not a number, and exit 1', async () => {
    ({ repo } = await fixture({ 'apps/world/src/index.ts': gatedService }));
    const bin = fileURLToPath(new URL('../bin/slipway-dev.js', import.meta.url));
    const result = spawnSync(process.execPath, [bin], {
      cwd: repo.path('apps/world'),
      env: cleanEnv({ PORT: 'abc' }),
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT=abc is not a port number');
    expect(result.stdout).not.toContain(':abc');
  });
});
