import type { Hono } from 'hono';
import type { Env } from 'hono/types';
import { serverPaths } from '@slipway/config';
import {
  findSwaggerUiFiles,
  type SwaggerUiFileName,
  swaggerUiFileNames,
} from './swagger-ui-files.ts';

/** Where a service serves its browsable API reference, when it is on. */
export const apiReferencePath = serverPaths.apiReference;

/** Where a service serves its OpenAPI document. */
export const openApiPath = serverPaths.openApi;

const assetsPath = `${apiReferencePath}/assets`;
const startScriptName = 'swagger-initializer.js';

/** The files the API reference page loads, all served by the service itself. */
export const apiReferenceAssetPaths: readonly string[] = [
  ...swaggerUiFileNames.map((name) => `${assetsPath}/${name}`),
  `${assetsPath}/${startScriptName}`,
];

// Everything from this origin, nothing inline: Swagger UI sets styles through the DOM, which
// `style-src` does not govern, and draws a few icons from data: URIs in its CSS.
const pagePolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const contentTypes: Record<SwaggerUiFileName, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
};

// Swagger UI's files change only with its version, which their URLs carry: a year in the cache.
const immutable = 'public, max-age=31536000, immutable';

// The kit's own start-up script, a file rather than inline so the policy needs no 'unsafe-inline'.
const startScript = `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(openApiPath)}, dom_id: '#swagger-ui' });\n`;

function pageHtml(version: string): string {
  const asset = (name: string) => `${assetsPath}/${name}?v=${encodeURIComponent(version)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset('swagger-ui.css')}">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${asset('swagger-ui-bundle.js')}"></script>
<script src="${assetsPath}/${startScriptName}"></script>
</body>
</html>
`;
}

/**
 * Serves Swagger UI for the service's OpenAPI document on `GET /docs`, and the files the page
 * loads under `/docs/assets/`, from the installed `swagger-ui-dist` package: the page works with
 * no internet connection, and its Content-Security-Policy allows this origin only. Plain routes,
 * not OpenAPI ones: the page is no part of the API, so it stays out of `/openapi.json`.
 * Throws, naming the fix, when `swagger-ui-dist` is not installed.
 *
 * @example
 * if (apiReference) addApiReference(app);
 */
export function addApiReference<E extends Env>(app: Hono<E>): void {
  const files = findSwaggerUiFiles();
  const page = pageHtml(files.version);
  app.get(apiReferencePath, function apiReferenceHandler(c) {
    return c.html(page, 200, { 'Content-Security-Policy': pagePolicy });
  });
  app.get(`${assetsPath}/${startScriptName}`, function apiReferenceStartScript(c) {
    return c.body(startScript, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
    });
  });
  for (const name of swaggerUiFileNames) {
    app.get(`${assetsPath}/${name}`, async function apiReferenceAsset(c) {
      const body = await files.read(name);
      return c.body(body, 200, { 'Content-Type': contentTypes[name], 'Cache-Control': immutable });
    });
  }
}
