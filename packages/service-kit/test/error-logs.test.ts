import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/index.ts';
import { failedInsert } from './helpers/database-errors.ts';
import {
  expectNoInternals,
  type LogLine,
  startTestService,
  type TestService,
} from './helpers/test-service.ts';

// A value only the request carries: it must reach no log line and no response.
const sentinel = 'SENTINEL-c0ffee-4242';

let running: TestService | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function postThrowing(error: () => Error) {
  running = await startTestService(({ app }) => {
    app.post('/orders', () => {
      throw error();
    });
  });
  const response = await fetch(`${running.url}/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req-sentinel-1' },
    body: JSON.stringify({ sku: sentinel }),
  });
  const body = await response.text();
  return { response, body, logs: running.logs };
}

function linesMentioning(logs: readonly LogLine[], value: string): string[] {
  return logs.map((line) => JSON.stringify(line)).filter((line) => line.includes(value));
}

describe('database errors in answers and logs', () => {
  it.each([
    ['a check violation', '23514', 422, 'warn'],
    ['a unique violation', '23505', 409, 'warn'],
    ['a value PostgreSQL cannot store', '22021', 422, 'warn'],
    ['an exception raised by the server', 'P0001', 500, 'error'],
  ])(
    'answers %s (SQLSTATE %s) with %i and logs its code, operation and request id, never the value',
    async (_case, code, status, level) => {
      const { response, body, logs } = await postThrowing(() => failedInsert(code, sentinel));

      expect(response.status).toBe(status);
      expect(response.headers.get('Content-Type')).toContain('application/problem+json');
      expect(body).not.toContain(sentinel);
      expectNoInternals(body);
      expect(linesMentioning(logs, sentinel)).toEqual([]);
      expect(logs).toContainEqual(
        expect.objectContaining({
          level,
          requestId: 'req-sentinel-1',
          err: expect.objectContaining({ code, operation: 'insert into order_items' }),
        }),
      );
    },
  );
});

describe('the logger', () => {
  function capture() {
    const lines: LogLine[] = [];
    const logger = createLogger({
      name: 'test',
      destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
    });
    return { logger, lines };
  }

  it('writes a safe message for an error logged without one', () => {
    const { logger, lines } = capture();
    logger.error(failedInsert('23505', sentinel));
    logger.error({ err: failedInsert('23505', sentinel) });

    expect(linesMentioning(lines, sentinel)).toEqual([]);
    expect(lines.map((line) => line.msg)).toEqual([
      'query failed: insert into order_items',
      'query failed: insert into order_items',
    ]);
  });

  it('masks credentials in messages and in errors nested in logged objects', () => {
    const { logger, lines } = capture();
    logger.warn('retrying postgres://app:hunter2@db');
    logger.warn({ attempt: { error: new Error('password=hunter2 refused') } }, 'retry');

    expect(linesMentioning(lines, 'hunter2')).toEqual([]);
    expect(lines[1]).toMatchObject({
      attempt: { error: { message: 'password=[redacted] refused' } },
    });
  });
});
