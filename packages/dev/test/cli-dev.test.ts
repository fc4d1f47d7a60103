import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureRepo, type FixtureRepo } from './fixture-repo.js';

const bin = fileURLToPath(new URL('../bin/slipway-dev.js', import.meta.url));

// The service answers with the environment slipway-dev gave it, and the address it listens on.
const echoService = `import { createServer } from 'node:http';
const env = { ...process.env };
const server = createServer((_req, res) =>
  res.end(JSON.stringify({ ...env, LISTENING_ON: server.address().address })),
);
server.listen(Number(env.PORT), env.HOST);
`;

const manifests = {
  'apps/hello/service.yaml':
    'name: hello\nport: 4100\ncalls: [world]\nconfig:\n  dev: { GREETING: hi }\n',
  'apps/world/service.yaml': 'name: world\nport: 4101\ncalledBy: [hello]\n',
};

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** The environment of the test runner, without what vitest sets for itself. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_ENV: _nodeEnv, VITEST: _vitest, ...env } = process.env;
  return { ...env, ...extra };
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

  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    repo?.remove();
  });

  it('runs the service with its port, dev config and callee URLs, and prints where it listens', async () => {
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
      WORLD_URL: 'http://127.0.0.1:4101',
      GREETING: 'hi',
      EXTRA: 'from-flag',
    });
    expect(output).toContain(`hello listens on http://127.0.0.1:${port}`);
    expect(output).toContain('calls world at http://127.0.0.1:4101');
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
});
