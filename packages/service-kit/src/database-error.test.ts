import { describe, expect, it } from 'vitest';
import { failedInsert, PostgresError } from '../test/helpers/database-errors.ts';
import { describeOperation, findDatabaseFailure } from './database-error.ts';

describe('findDatabaseFailure', () => {
  it.each([
    ['23505', 409, 'unique_violation'],
    ['23503', 409, 'foreign_key_violation'],
    ['23514', 422, 'check_violation'],
    ['23502', 422, 'not_null_violation'],
    ['22021', 422, 'character_not_in_repertoire'],
    ['22P02', 422, 'invalid_text_representation'],
    ['22012', 422, undefined],
    ['53100', 500, undefined],
    ['08006', 500, undefined],
    ['P0001', 500, undefined],
  ])('answers SQLSTATE %s with %i', (code, status, condition) => {
    expect(findDatabaseFailure(new PostgresError(code, 'refused'))).toEqual({
      code,
      status,
      ...(condition ? { condition } : {}),
    });
  });

  it('finds the database error behind a query wrapper and keeps only codes and identifiers', () => {
    const failure = findDatabaseFailure(failedInsert('23514', 'SECRET-VALUE'));
    expect(failure).toEqual({
      code: '23514',
      condition: 'check_violation',
      operation: 'insert into order_items',
      table: 'order_items',
      constraint: 'order_items_sku_check',
      status: 422,
    });
  });

  it.each([
    ['an error without a cause', new Error('boom')],
    [
      'a Node system error, whose code has no severity beside it',
      Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }),
    ],
    ['a value that is not an error', 'boom'],
  ])('finds nothing in %s', (_case, error) => {
    expect(findDatabaseFailure(error)).toBeUndefined();
  });
});

describe('describeOperation', () => {
  it.each([
    ['insert into "order_items" ("sku") values ($1)', 'insert into order_items'],
    ['select "id", "sku" from "public"."orders" where "id" = $1', 'select from public.orders'],
    ['update "orders" set "currency" = $1', 'update orders'],
    ['delete from orders where id = $1', 'delete from orders'],
    ['with x as (select 1) insert into "orders" select * from x', 'insert into orders'],
    ['select * from "orders" for update skip locked', 'select from orders'],
    ['begin', 'begin'],
  ])('describes %s as %s', (sql, operation) => {
    expect(describeOperation(sql)).toBe(operation);
  });
});
