/**
 * Errors shaped as node-postgres / PGlite raise them (a SQLSTATE beside a severity, a `detail`
 * quoting the row) and as Drizzle wraps them (the SQL and its parameters in the message and as
 * fields), so the kit's tests need no database.
 */
export class PostgresError extends Error {
  override readonly name = 'error';
  readonly severity = 'ERROR';
  readonly code: string;
  readonly detail: string | undefined;
  readonly table: string | undefined;
  readonly constraint: string | undefined;

  constructor(
    code: string,
    message: string,
    { detail, table, constraint }: { detail?: string; table?: string; constraint?: string } = {},
  ) {
    super(message);
    this.code = code;
    this.detail = detail;
    this.table = table;
    this.constraint = constraint;
  }
}

/** Drizzle's `DrizzleQueryError`: `Failed query: <sql>\nparams: <values>`, the driver's error as cause. */
export class DrizzleQueryError extends Error {
  readonly query: string;
  readonly params: unknown[];

  constructor(query: string, params: unknown[], cause: Error) {
    super(`Failed query: ${query}\nparams: ${params}`, { cause });
    this.query = query;
    this.params = params;
  }
}

/**
 * A failed insert of `value`, as the orders store would see it: `value` is in the parameters, in
 * the database's message and in its `detail`.
 */
export function failedInsert(code: string, value: string): DrizzleQueryError {
  const cause = new PostgresError(code, `value "${value}" refused`, {
    detail: `Failing row contains (1, ${value}).`,
    table: 'order_items',
    constraint: 'order_items_sku_check',
  });
  return new DrizzleQueryError(
    'insert into "order_items" ("order_id", "sku") values ($1, $2)',
    ['f3c1', value],
    cause,
  );
}
