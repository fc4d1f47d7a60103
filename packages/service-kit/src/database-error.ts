/** What the kit keeps of a failed database call: codes and names, never values. */
export interface DatabaseFailure {
  /** The SQLSTATE, e.g. `23505`. */
  readonly code: string;
  /** Its condition name when the kit knows it, e.g. `unique_violation`. */
  readonly condition?: string;
  /** The statement's verb and table, e.g. `insert into order_items`, when the error carries the SQL. */
  readonly operation?: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;
  /** The answer: 409 or 422 when the request's data is at fault, 500 when the server is. */
  readonly status: 409 | 422 | 500;
}

// Names of the conditions a request's data causes, for the logs (PostgreSQL, Appendix A).
const conditions: Readonly<Record<string, string>> = {
  '23505': 'unique_violation',
  '23503': 'foreign_key_violation',
  '23P01': 'exclusion_violation',
  '23502': 'not_null_violation',
  '23514': 'check_violation',
  '22001': 'string_data_right_truncation',
  '22003': 'numeric_value_out_of_range',
  '22007': 'invalid_datetime_format',
  '22008': 'datetime_field_overflow',
  '22021': 'character_not_in_repertoire',
  '22P02': 'invalid_text_representation',
  '22P05': 'untranslatable_character',
};
// The request conflicts with stored data rather than being unstorable itself.
const conflicts = new Set(['23505', '23503', '23P01']);
const sqlState = /^[0-9A-Z]{5}$/;
const identifier = '(?:"[^"]{1,63}"|[A-Za-z_][\\w$]{0,62})';
const table = `(${identifier}(?:\\.${identifier})?)`;
// A write names its table after its verb; a read after `from`. Writes first: `with ... insert`.
const statements = [
  new RegExp(
    `^\\s*(?:with\\b[\\s\\S]*?\\)\\s*)?(insert\\s+into|update|delete\\s+from)\\s+${table}`,
    'i',
  ),
  new RegExp(`\\b(select)\\b[\\s\\S]*?\\bfrom\\s+${table}`, 'i'),
];
const maxCauses = 8;

/**
 * Finds a PostgreSQL error in `error` or its `cause` chain (node-postgres, PGlite and Drizzle
 * wrap them so) and says what to answer: 409 for a unique, foreign-key or exclusion violation,
 * 422 for another integrity violation (SQLSTATE class 23) or a data exception (class 22), where
 * the request's data is at fault; 500 for everything else, the server's fault. `undefined` when
 * no database error is involved. Only codes and identifiers are kept: the message, `detail`,
 * query parameters and rows stay behind.
 *
 * @example
 * const failure = findDatabaseFailure(error);
 * if (failure && failure.status < 500) return problem(c, failure.status);
 */
export function findDatabaseFailure(error: unknown): DatabaseFailure | undefined {
  let operation: string | undefined;
  let current: unknown = error;
  for (let depth = 0; depth < maxCauses && isObject(current); depth += 1) {
    operation ??= describeOperation(current.query);
    if (isDatabaseError(current)) {
      const { code } = current;
      const condition = conditions[code];
      return {
        code,
        ...(condition === undefined ? {} : { condition }),
        ...(operation === undefined ? {} : { operation }),
        ...identifiers(current),
        status: statusOf(code),
      };
    }
    current = current.cause;
  }
  return undefined;
}

/**
 * The verb and table of a SQL statement, without its values: `insert into order_items`,
 * `select from orders`; just the first word when no table follows it; `undefined` when `sql` is
 * not a string.
 *
 * @example
 * describeOperation('insert into "order_items" ("sku") values ($1)'); // 'insert into order_items'
 */
export function describeOperation(sql: unknown): string | undefined {
  if (typeof sql !== 'string') return undefined;
  for (const statement of statements) {
    const [, verb, name] = statement.exec(sql) ?? [];
    if (verb !== undefined && name !== undefined) {
      const words = verb.toLowerCase() === 'select' ? 'select from' : verb.toLowerCase();
      return `${words.replace(/\s+/g, ' ')} ${name.replaceAll('"', '')}`;
    }
  }
  return /^\s*([a-z]+)/i.exec(sql)?.[1]?.toLowerCase();
}

function statusOf(code: string): DatabaseFailure['status'] {
  if (conflicts.has(code)) return 409;
  // Class 23, integrity constraint violation; class 22, data exception.
  if (code.startsWith('23') || code.startsWith('22')) return 422;
  return 500;
}

/** An error a PostgreSQL server (or PGlite) sent: a SQLSTATE and its severity, and more fields. */
export interface DatabaseErrorLike {
  readonly code: string;
  readonly severity: string;
  readonly [key: string]: unknown;
}

/**
 * Whether `value` is an error PostgreSQL sent, as node-postgres and PGlite raise it: a
 * five-character SQLSTATE beside the server's severity (Node's own codes, `EPIPE`, have none).
 *
 * @example
 * if (isDatabaseError(error.cause)) logger.warn({ code: error.cause.code }, 'query refused');
 */
export function isDatabaseError(value: unknown): value is DatabaseErrorLike {
  return (
    isObject(value) &&
    typeof value.code === 'string' &&
    sqlState.test(value.code) &&
    typeof value.severity === 'string'
  );
}

/**
 * A SQLSTATE with its condition name when the kit knows it, for messages and logs.
 *
 * @example
 * describeSqlState('23505'); // '23505 (unique_violation)'
 */
export function describeSqlState(code: string): string {
  const condition = conditions[code];
  return condition === undefined ? code : `${code} (${condition})`;
}

function identifiers(
  error: DatabaseErrorLike,
): Pick<DatabaseFailure, 'table' | 'column' | 'constraint'> {
  const picked: { table?: string; column?: string; constraint?: string } = {};
  for (const key of ['table', 'column', 'constraint'] as const) {
    const value = error[key];
    if (typeof value === 'string' && value !== '') picked[key] = value;
  }
  return picked;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
