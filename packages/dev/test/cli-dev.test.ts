import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanEnv, freePort } from './dev-process.ts';
import { createFixtureRepo, type FixtureRepo } from './fixture-repo.ts';

const bin = fileURLToPath(new URL('../bin/slipway-dev.js', import.meta.url));

// The service answers with the environment slipway-dev gave it, and the address it listens on.
const echoService = `import { createServer } from 'node:http';
const env = { ...process.env };
const server = createServer((_req, res) =>
  res.end(JSON.stringify({ ...env, LISTENING_ON: server.address().address })),
);
server.listen(Number(env.PORT), env.HOST);
`;

/** hello calls world, which the tests serve on `worldPort`, answering 200 on /readyz. */
const manifestsFor = (worldPort: number) => ({
  'apps/hello/service.yaml':
    'name: hello\nport: 4100\ncalls: [world]\nconfig:\n  dev: { GREETING: hi }\n',
  'apps/world/service.yaml': `name: world\nport: ${worldPort}\ncalledBy: [hello]\n`,
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Stands in for a callee: answers 200 on every path, /readyz included. */
async function serveReady(port: number): Promise<{ close(): void }> {
  const server = createHttpServer((_req, res) => res.end()).listen(port, '127.0.0.1');
  await once(server, 'listening');
  return { close: () => server.close() };
}

async function fetchWhenUp(url: string, child: ChildProcess): Promise<Response> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`slipway-dev exited with ${child.exitCode}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('slipway-dev', () => {
  let repo: FixtureRepo | undefined;
  let child: ChildProcess | undefined;
  let world: { close(): void } | undefined;
  let worldPort = 0;
  let manifests: Record<string, string> = {};

  beforeEach(async () => {
    worldPort = await freePort();
    world = await serveReady(worldPort);
    manifests = manifestsFor(worldPort);
  });

  afterEach(async () => {
    world?.close();
    if (child && child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    repo?.remove();
  });

  it('runs the service with its port, dev config and callee URLs, and announces it once ready', async () => {
    repo = createFixtureRepo({ ...manifests, 'apps/hello/src/index.ts': echoService });
    const port = await freePort();
    let output = '';
    let errors = '';
    child = spawn(process.execPath, [bin, '--env', 'EXTRA=from-flag'], {
      cwd: repo.path('apps/hello'),
      env: cleanEnv({ PORT: String(port) }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });

    const response = await fetchWhenUp(`http://127.0.0.1:${port}/`, child);
    expect(await response.json()).toMatchObject({
      SERVICE_NAME: 'hello',
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      WORLD_URL: `http://127.0.0.1:${worldPort}`,
      GREETING: 'hi',
      EXTRA: 'from-flag',
      // Node keeps the stripped TypeScript there between restarts.
      NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'node-compile-cache'),
    });
    await waitFor(() => output.includes(`calls world at http://127.0.0.1:${worldPort}`));
    expect(output).toMatch(
      new RegExp(`hello is ready on http://127\\.0\\.0\\.1:${port} \\(after [\\d.]+ s\\)`),
    );
    // No .env file here, and none is needed: not even a notice about one.
    expect(errors).not.toMatch(/\.env/);
  });

  it("loads the root's and the service's .env files, the service's winning, below the shell and the manifest", async () => {
    repo = createFixtureRepo({
      ...manifests,
      'apps/hello/src/index.ts': echoService,
      '.env': 'ROOT_ONLY=root\nSHARED=root\nFROM_SHELL=root\nGREETING=root\n',
      'apps/hello/.env': '# local secrets\nSHARED=service\nSERVICE_ONLY="quoted value"\n',
      'apps/world/.env': 'SHARED=another service\n',
    });
    const port = await freePort();
    child = spawn(process.execPath, [bin], {
      cwd: repo.path('apps/hello'),
      env: cleanEnv({ PORT: String(port), FROM_SHELL: 'shell' }),
      stdio: ['ignore', 'ignore', 'ignore'],
    });

    const response = await fetchWhenUp(`http://127.0.0.1:${port}/`, child);
    expect(await response.json()).toMatchObject({
      ROOT_ONLY: 'root',
      SHARED: 'service',
      SERVICE_ONLY: 'quoted value',
      FROM_SHELL: 'shell',
      GREETING: 'hi',
    });
  });

  it('listens on loopback only, even when the shell exports HOST=0.0.0.0', async () => {
    repo = createFixtureRepo({ ...manifests, 'apps/hello/src/index.ts': echoService });
    const port = await freePort();
    let output = '';
    child = spawn(process.execPath, [bin], {
      cwd: repo.path('apps/hello'),
      env: cleanEnv({ PORT: String(port), HOST: '0.0.0.0' }),
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });

    const response = await fetchWhenUp(`http://127.0.0.1:${port}/`, child);
    expect(await response.json()).toMatchObject({ HOST: '127.0.0.1', LISTENING_ON: '127.0.0.1' });
    expect(output).toContain('HOST=0.0.0.0 from your environment is ignored');
  });

  it('prints every manifest problem and exits 1 when a manifest is invalid', () => {
    repo = createFixtureRepo({
      'apps/hello/service.yaml': 'name: hello\nport: 80\nreplicas: { min: 1, max: 3 }\n',
    });
    const result = spawnSync(process.execPath, [bin], {
      cwd: repo.path('apps/hello'),
      env: cleanEnv({}),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('apps/hello/service.yaml');
    expect(result.stderr).toMatch(/field 'port'/);
    expect(result.stderr).toMatch(/field 'replicas\.min'/);
  });

  it('prints its usage with --help', () => {
    const result = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: slipway-dev');
  });

  it('says how to start it when Node was not given the source condition, and exits 1', () => {
    const { NODE_OPTIONS: _fromNpm, ...env } = process.env;
    const result = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', env });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('run it through npm');
    expect(result.stderr).toContain('--conditions=@slipway/source');
    expect(result.stdout).toBe('');
  });
});
