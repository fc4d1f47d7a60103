import { describe, expect, it } from 'vitest';
import { failedInsert } from '../test/helpers/database-errors.ts';
import { redactSecrets } from './redact-secrets.ts';
import { safeErrorForm, serializeError } from './serialize-error.ts';

const sentinel = 'SENTINEL-7f3a';

describe('serializeError', () => {
  it('describes a failed query by its SQLSTATE and operation, without its parameters or detail', () => {
    const serialized = serializeError(failedInsert('23514', sentinel));

    expect(JSON.stringify(serialized)).not.toContain(sentinel);
    expect(serialized).toMatchObject({
      type: 'DrizzleQueryError',
      message: 'query failed: insert into order_items',
      code: '23514',
      condition: 'check_violation',
      operation: 'insert into order_items',
      table: 'order_items',
      cause: { type: 'DatabaseError', message: 'database error 23514 (check_violation)' },
    });
  });

  it('keeps the stack frames under the safe message, not the original first lines', () => {
    const serialized = serializeError(failedInsert('22021', sentinel));
    const lines = serialized.stack?.split('\n') ?? [];

    expect(lines[0]).toBe('DrizzleQueryError: query failed: insert into order_items');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => /^\s+at\s/.test(line))).toBe(true);
  });

  it('masks credentials in messages and keeps codes, dropping other fields', () => {
    const error = Object.assign(new Error('connect postgres://app:hunter2@db failed'), {
      code: 'ECONNREFUSED',
      body: { card: sentinel },
    });
    const serialized = serializeError(error);

    expect(serialized).toMatchObject({
      type: 'Error',
      message: 'connect postgres://[redacted]@db failed',
      code: 'ECONNREFUSED',
    });
    expect(JSON.stringify(serialized)).not.toMatch(/hunter2|SENTINEL/);
  });

  it('follows causes and aggregated errors, and stops at a cycle', () => {
    const inner = new Error('inner');
    const outer = new Error('outer', { cause: new AggregateError([inner], 'all failed') });
    (inner as { cause?: unknown }).cause = outer;

    expect(serializeError(outer)).toMatchObject({
      message: 'outer',
      cause: { type: 'AggregateError', errors: [{ message: 'inner' }] },
    });
    expect(serializeError(outer).cause?.errors?.[0]?.cause).toBeUndefined();
  });
});

describe('redactSecrets with safeErrorForm, as the logger runs it on every line', () => {
  const replaceErrors = <T>(value: T) => redactSecrets(value, { replaceInstance: safeErrorForm });

  it('replaces errors at any depth and leaves other values as they are', () => {
    const logged = { orderId: 'o-1', attempts: [{ err: failedInsert('23505', sentinel) }] };
    const replaced = replaceErrors(logged);

    expect(replaced.orderId).toBe('o-1');
    expect(replaced.attempts[0]?.err).toMatchObject({ code: '23505', type: 'DrizzleQueryError' });
    expect(JSON.stringify(replaced)).not.toContain(sentinel);
  });

  it('returns the same object when it holds no error and no credential', () => {
    const logged = { orderId: 'o-1', nested: { list: [1, 'a'] } };
    expect(replaceErrors(logged)).toBe(logged);
  });

  it('redacts credentials in the same walk, inside the safe form of an error too', () => {
    const error = Object.assign(new Error('refused'), { code: '28P01' });
    const replaced = replaceErrors({ token: 't-1', err: error, nested: { password: 'p' } });
    expect(replaced).toMatchObject({
      token: '[redacted]',
      err: { type: 'Error', code: '28P01' },
      nested: { password: '[redacted]' },
    });
  });
});
