import { type Hook, OpenAPIHono } from '@hono/zod-openapi';
import type { ValidationTargets } from 'hono';
import type { ZodError } from 'zod';
import { type FieldError, problem } from './problem.ts';
import type { ServiceEnv } from './service-env.ts';

const locations: Record<keyof ValidationTargets, FieldError['in']> = {
  json: 'body',
  form: 'body',
  param: 'path',
  query: 'query',
  header: 'header',
  cookie: 'cookie',
};

/**
 * The validation hook of every service-kit router: an invalid request gets a 400 problem that
 * lists every invalid field at once (where it is, a JSON Pointer to it, and what is wrong).
 *
 * @example
 * const router = new OpenAPIHono<ServiceEnv>({ defaultHook: validationHook });
 */
export const validationHook: Hook<unknown, ServiceEnv, string, Response | undefined> =
  function validationHook(result, c) {
    if (result.success) return undefined;
    const errors = fieldErrors(result.error, locations[result.target]);
    const count = errors.length === 1 ? '1 invalid field' : `${errors.length} invalid fields`;
    return problem(c, 400, { detail: `The request has ${count}.`, errors });
  };

/**
 * A router for a group of routes, with the kit's validation hook; mount it with `app.route()`.
 * Routes declared on it with `router.openapi()` appear in the service's `/openapi.json`.
 *
 * @example
 * export const orders = createRouter().openapi(getOrderRoute, getOrderHandler);
 * service.app.route('/', orders);
 */
export function createRouter(): OpenAPIHono<ServiceEnv> {
  return new OpenAPIHono<ServiceEnv>({ defaultHook: validationHook });
}

function fieldErrors(error: ZodError, location: FieldError['in']): FieldError[] {
  return error.issues.map((issue) => ({
    in: location,
    pointer: `#${issue.path.map((key) => `/${escapePointer(String(key))}`).join('')}`,
    detail: issue.message,
  }));
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
