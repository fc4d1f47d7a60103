import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { closedPort, listenOnLoopback, trackSockets } from '../test/loopback.ts';
import { postgresCheck } from './postgres-check.ts';
import { runCheck } from './run-check.ts';

const databaseUrl = process.env.TEST_DATABASE_URL;
if (!databaseUrl) {
  console.warn(
    '[@slipway/health] TEST_DATABASE_URL is not set: skipping the real-PostgreSQL postgresCheck tests.',
  );
}

describe('postgresCheck', () => {
  it.skipIf(!databaseUrl)('passes against a real server (needs TEST_DATABASE_URL)', async () => {
    const check = postgresCheck({ connectionString: () => databaseUrl ?? '' });
    expect(await runCheck(check, 20_000)).toMatchObject({ name: 'postgres', status: 'pass' });
  });

  it.skipIf(!databaseUrl)(
    'reports only the SQLSTATE when the password is wrong (needs TEST_DATABASE_URL)',
    async () => {
      const wrong = new URL(databaseUrl ?? 'postgres://localhost');
      wrong.password = 'sentinel-wrong-password';
      const result = await runCheck(postgresCheck({ connectionString: wrong.href }), 20_000);
      expect(result).toMatchObject({
        status: 'fail',
        error: expect.stringMatching(/\((28P01|28000)\)$/),
      });
      expect(result.error).not.toContain('sentinel');
    },
  );

  it('fails on a closed port without leaking the connection string', async () => {
    const connectionString = `postgres://sentinel-user:sentinel-password@127.0.0.1:${await closedPort()}/app`;
    const check = postgresCheck({ connectionString });
    expect(check).toMatchObject({ name: 'postgres', dependency: true });
    const result = await runCheck(check, 10_000);
    expect(result).toMatchObject({
      status: 'fail',
      error: 'postgres is unreachable or refused the query (ECONNREFUSED)',
    });
    expect(result.error).not.toContain('sentinel');
  });

  it('times out against a server that never answers, and closes the connection', async () => {
    await import('pg'); // so the deadline is spent connecting, not loading the driver
    // Reads (so it notices the client leaving) but never answers.
    const server = createServer((socket) => socket.resume());
    const sockets = trackSockets(server);
    const port = await listenOnLoopback(server);
    try {
      const check = postgresCheck({
        name: 'db',
        connectionString: `postgres://u:p@127.0.0.1:${port}/app`,
      });
      // No own timeout: only the aborted signal can end the connection attempt.
      expect(await runCheck(check, 300)).toMatchObject({
        name: 'db',
        status: 'fail',
        error: 'timed out after 300ms',
      });
      await sockets.allClosed();
    } finally {
      await sockets.close();
    }
  });
});
