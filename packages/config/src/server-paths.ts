/**
 * The paths every service serves, owned here so the service kit that serves them and the tools
 * that call them (the dev runner's readiness wait and its announcement) read one definition.
 *
 * @example
 * await fetch(`http://127.0.0.1:3001${serverPaths.readiness}`);
 */
export const serverPaths = {
  /** The liveness probe: the process is alive. */
  liveness: '/livez',
  /** The readiness probe: the service takes traffic (its dependencies answer). */
  readiness: '/readyz',
  /** The startup probe: the service has finished starting. */
  startup: '/startupz',
  /** The OpenAPI document of the service's API. */
  openApi: '/openapi.json',
  /** The browsable API reference, when the service serves it (in development by default). */
  apiReference: '/docs',
} as const;
