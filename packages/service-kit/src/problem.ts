import { STATUS_CODES } from 'node:http';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The media type of problem details (RFC 9457). */
export const problemContentType = 'application/problem+json';

/**
 * One invalid field of a request, as listed in a 400 problem's `errors`.
 * `in` uses OpenAPI's names; `pointer` is a JSON Pointer into that part (RFC 9457's convention).
 */
export const fieldErrorSchema = z
  .object({
    in: z.enum(['body', 'path', 'query', 'header', 'cookie']),
    pointer: z.string().openapi({ example: '#/quantity' }),
    detail: z.string().openapi({ example: 'Too small: expected number to be >0' }),
  })
  .openapi('FieldError');

/**
 * An error answer in RFC 9457 form, the body of every 4xx/5xx the kit produces. Declare it in
 * your routes' error responses with {@link problemContent}.
 */
export const problemSchema = z
  .object({
    type: z.string().openapi({ example: 'about:blank' }),
    title: z.string().openapi({ example: 'Not Found' }),
    status: z.number().int().openapi({ example: 404 }),
    detail: z.string().optional().openapi({ example: 'Order 42 does not exist.' }),
    instance: z.string().optional().openapi({ example: '/orders/42' }),
    requestId: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .openapi('Problem');

/**
 * A problem details body.
 *
 * @example
 * const body: Problem = { type: 'about:blank', title: 'Not Found', status: 404 };
 */
export type Problem = z.infer<typeof problemSchema>;

/**
 * A field error of a validation problem.
 *
 * @example
 * const error: FieldError = { in: 'body', pointer: '#/quantity', detail: 'Required' };
 */
export type FieldError = z.infer<typeof fieldErrorSchema>;

/**
 * The `content` of an error response in a route declaration.
 *
 * @example
 * responses: { 404: { description: 'No such order', content: problemContent } }
 */
export const problemContent = { [problemContentType]: { schema: problemSchema } };

/** What a problem says beyond its status. */
export interface ProblemInit {
  /** A human-readable explanation of this occurrence; never internals such as stack traces. */
  readonly detail?: string;
  /** Defaults to the status's reason phrase. */
  readonly title?: string;
  /** A URI naming the problem type; defaults to `about:blank` (the status says it all). */
  readonly type?: string;
  readonly errors?: readonly FieldError[];
  /** Seconds after which the caller may try again, sent as `Retry-After` (a 503 or 429). */
  readonly retryAfterSeconds?: number;
}

/**
 * Answers with an `application/problem+json` body whose `instance` is the request path and whose
 * `requestId` lets a caller quote the failed request.
 *
 * @example
 * app.openapi(getOrder, async (c) => {
 *   const order = await store.find(c.req.valid('param').id);
 *   return order ? c.json(order, 200) : problem(c, 404, { detail: 'No such order.' });
 * });
 */
export function problem<S extends ContentfulStatusCode>(
  c: Context,
  status: S,
  { detail, title, type = 'about:blank', errors, retryAfterSeconds }: ProblemInit = {},
) {
  const requestId: unknown = c.get('requestId');
  const body: Problem = {
    type,
    title: title ?? STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail === undefined ? {} : { detail }),
    instance: c.req.path,
    ...(typeof requestId === 'string' ? { requestId } : {}),
    ...(errors === undefined ? {} : { errors: [...errors] }),
  };
  const headers: Record<string, string> = { 'Content-Type': problemContentType };
  if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds);
  return c.json(body, status, headers);
}
