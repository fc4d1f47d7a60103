import type { MiddlewareHandler } from 'hono';
import { withDefaultHeaders } from './node-bindings.ts';

/**
 * The headers {@link securityHeaders} sets by default: the OWASP REST Security Cheat Sheet's set
 * for JSON APIs. The headers of Hono's `secureHeaders()` that only matter for HTML documents
 * are left out, since each header costs time on every response.
 */
export const defaultSecurityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

/**
 * Sets security headers on every answer, unless the handler set the same header. `overrides`
 * change or add headers; a `false` value drops one of the defaults. Like Hono's `secureHeaders()`,
 * but written on Node's response when served by `@hono/node-server`, which is much cheaper.
 *
 * @example
 * app.use(securityHeaders({ 'content-security-policy': "default-src 'none'", 'x-xss-protection': false }));
 */
export function securityHeaders(
  overrides: Readonly<Record<string, string | false>> = {},
): MiddlewareHandler {
  const merged: Record<string, string | false> = { ...defaultSecurityHeaders };
  for (const [name, value] of Object.entries(overrides)) merged[name.toLowerCase()] = value;
  const headers = Object.entries(merged).filter(
    (entry): entry is [string, string] => entry[1] !== false,
  );
  return function setSecurityHeaders(c, next) {
    return withDefaultHeaders(c, headers, next);
  };
}
