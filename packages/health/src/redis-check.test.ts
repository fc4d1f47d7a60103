import { afterEach, describe, expect, it } from 'vitest';
import { startFakeRedis } from '../test/fake-redis-server.ts';
import { closedPort } from '../test/loopback.ts';
import { redisCheck } from './redis-check.ts';
import { runCheck } from './run-check.ts';

type FakeRedis = Awaited<ReturnType<typeof startFakeRedis>>;

describe('redisCheck with a real ioredis client against a fake RESP server', () => {
  let fake: FakeRedis | undefined;
  afterEach(() => fake?.close());

  it('passes when the server answers PONG, then disconnects', async () => {
    fake = await startFakeRedis();
    const check = redisCheck({ url: `redis://127.0.0.1:${fake.port}` });
    expect(check).toMatchObject({ name: 'redis', dependency: true });
    expect(await runCheck(check, 20_000)).toMatchObject({ name: 'redis', status: 'pass' });
    expect(fake.commands).toContainEqual(['ping']);
    await fake.allClientsClosed();
  });

  it('authenticates with the password from the URL, read on every run', async () => {
    fake = await startFakeRedis();
    const port = fake.port;
    // A rotated secret: the second run must use the new password.
    let password = 'sentinel-password';
    const check = redisCheck({
      name: 'cache',
      url: () => `redis://:${password}@127.0.0.1:${port}`,
    });
    expect((await runCheck(check, 20_000)).status).toBe('pass');
    password = 'rotated-password';
    expect((await runCheck(check, 20_000)).status).toBe('pass');
    const auths = fake.commands.filter(([command]) => command === 'auth');
    expect(auths).toEqual([
      ['auth', 'sentinel-password'],
      ['auth', 'rotated-password'],
    ]);
  });

  it('fails when PING is answered with an error, reporting only its code', async () => {
    fake = await startFakeRedis({ pingReply: '-LOADING sentinel-detail\r\n' });
    const result = await runCheck(redisCheck({ url: `redis://127.0.0.1:${fake.port}` }), 20_000);
    expect(result).toMatchObject({
      status: 'fail',
      error: 'redis is unreachable or refused PING (LOADING)',
    });
    expect(result.error).not.toContain('sentinel');
    await fake.allClientsClosed();
  });

  it('times out against a server that never answers, and disconnects', async () => {
    await import('ioredis'); // so the deadline is spent connecting, not loading the client
    fake = await startFakeRedis({ silent: true });
    // No own timeout: only the aborted signal can end the attempt.
    const check = redisCheck({ url: `redis://127.0.0.1:${fake.port}` });
    expect(await runCheck(check, 300)).toMatchObject({
      status: 'fail',
      error: 'timed out after 300ms',
    });
    await fake.allClientsClosed();
  });

  it('fails fast on a closed port without leaking the password in the URL', async () => {
    const url = `redis://default:sentinel-password@127.0.0.1:${await closedPort()}`;
    const result = await runCheck(redisCheck({ url }), 10_000);
    expect(result).toMatchObject({
      status: 'fail',
      error: 'redis is unreachable or refused PING (ECONNREFUSED)',
    });
    expect(result.error).not.toContain('sentinel-password');
  });
});
