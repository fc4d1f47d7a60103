import { swaggerUI } from '@hono/swagger-ui';
import type { Hono } from 'hono';
import type { Env } from 'hono/types';
import { serverPaths } from '@slipway/config';

/** Where a service serves its browsable API reference, when it is on. */
export const apiReferencePath = serverPaths.apiReference;

/** Where a service serves its OpenAPI document. */
export const openApiPath = serverPaths.openApi;

/** Where Swagger UI's script and styles come from: the page is for dev, so a CDN is acceptable. */
const swaggerUiOrigin = 'https://cdn.jsdelivr.net';
/** The `swagger-ui-dist` release the page loads, pinned so the page does not change by itself. */
const swaggerUiVersion = '5.35.0';

// The default policy (`default-src 'none'`) suits JSON answers; this page needs Swagger UI's
// files, its inline start-up script, and to fetch the document and try requests on this origin.
const pagePolicy = [
  "default-src 'none'",
  `script-src 'unsafe-inline' ${swaggerUiOrigin}`,
  `style-src 'unsafe-inline' ${swaggerUiOrigin}`,
  `img-src 'self' data: ${swaggerUiOrigin}`,
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves Swagger UI for the service's OpenAPI document on `GET /docs`. A plain route, not an
 * OpenAPI one: the page is no part of the API, so it stays out of `/openapi.json`. The browser
 * loads Swagger UI's files from jsDelivr, so the page needs a connection to the internet.
 *
 * @example
 * if (apiReference) addApiReference(app);
 */
export function addApiReference<E extends Env>(app: Hono<E>): void {
  const page = swaggerUI<E>({ url: openApiPath, version: swaggerUiVersion });
  app.get(apiReferencePath, function apiReferenceHandler(c, next) {
    c.header('Content-Security-Policy', pagePolicy);
    return page(c, next);
  });
}
