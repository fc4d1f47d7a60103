import type { Context, Hono, NotFoundHandler } from 'hono';
import type { Env } from 'hono/types';
import { problem } from './problem.ts';

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const unmatched = new WeakSet<Context>();

/**
 * Answers requests no route handles with a problem: 405 with an `Allow` header when the path
 * exists for other methods, 404 otherwise.
 *
 * @example
 * app.notFound(handleNotFound(app));
 */
export function handleNotFound<E extends Env>(app: Hono<E>): NotFoundHandler<E> {
  return function notFound(c) {
    const allowed = methods.filter((method) =>
      // Hono answers HEAD with the GET route.
      routeExists(app, method === 'HEAD' ? 'GET' : method, c.req.path),
    );
    if (allowed.includes(c.req.method as (typeof methods)[number])) {
      // A handler matched and answered c.notFound() itself, e.g. for a missing record.
      return problem(c, 404);
    }
    unmatched.add(c);
    if (allowed.length === 0) return problem(c, 404);
    c.header('Allow', allowed.join(', '));
    return problem(c, 405, { detail: `Allowed methods: ${allowed.join(', ')}.` });
  };
}

/**
 * Whether no route matched the request (it was answered by {@link handleNotFound}), so metrics
 * can label it without using the raw path.
 *
 * @example
 * const route = isUnmatched(c) ? 'unmatched' : routePath(c, -1);
 */
export function isUnmatched(c: Context): boolean {
  return unmatched.has(c);
}

function routeExists<E extends Env>(app: Hono<E>, method: string, path: string): boolean {
  // Middleware is registered for 'ALL'; only routes declared for a method count.
  const [matches] = app.router.match(method, path);
  return matches.some(([[, route]]) => route.method !== 'ALL');
}
