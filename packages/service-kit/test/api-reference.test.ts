import { afterEach, describe, expect, it } from 'vitest';
import { apiReferencePath, openApiPath } from '../src/api-reference.js';
import { createRoute, serviceOptionsFromConfig, z } from '../src/index.js';
import { startTestService, type TestService } from './helpers/test-service.js';

const getPing = createRoute({
  method: 'get',
  path: '/ping',
  responses: {
    200: { description: 'Pong', content: { 'application/json': { schema: z.object({}) } } },
  },
});

let running: TestService | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(apiReference?: boolean): Promise<TestService> {
  running = await startTestService(
    ({ app }) => {
      app.openapi(getPing, (c) => c.json({}, 200));
    },
    apiReference === undefined ? {} : { apiReference },
  );
  return running;
}

async function documentOf(url: string): Promise<unknown> {
  return (await fetch(`${url}${openApiPath}`)).json();
}

describe('API reference page', () => {
  it('should serve an HTML page that loads the OpenAPI document when on', async () => {
    const { url } = await start(true);
    const response = await fetch(`${url}${apiReferencePath}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain(`url: '${openApiPath}'`);
    expect(page).toContain('SwaggerUIBundle');
    expect(page).toContain('https://cdn.jsdelivr.net/npm/swagger-ui-dist@5.35.0/');
  });

  it('should let the page load Swagger UI from its CDN, and only that origin', async () => {
    const { url } = await start(true);
    const response = await fetch(`${url}${apiReferencePath}`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'unsafe-inline' https://cdn.jsdelivr.net");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('should answer 404 when off, which is the default', async () => {
    const { url } = await start();
    const response = await fetch(`${url}${apiReferencePath}`);
    expect(response.status).toBe(404);
  });

  it('should leave /openapi.json unchanged', async () => {
    const off = await documentOf((await start(false)).url);
    await running?.close();
    const on = await documentOf((await start(true)).url);
    expect(on).toEqual(off);
    expect(Object.keys((on as { paths: object }).paths)).toEqual(['/ping']);
  });

  it('should keep the page out of the info access log, like the probes', async () => {
    const { url, logs } = await start(true);
    await (await fetch(`${url}${apiReferencePath}`)).text();
    await (await fetch(`${url}/ping`)).text();
    expect(logs.some((line) => line.path === '/ping')).toBe(true);
    expect(logs.some((line) => line.path === apiReferencePath)).toBe(false);
  });
});

describe('serviceOptionsFromConfig', () => {
  const base = {
    SERVICE_NAME: 'orders',
    HOST: '127.0.0.1',
    PORT: 3001,
    LOG_LEVEL: 'info',
    SHUTDOWN_DRAIN_MS: 0,
    SHUTDOWN_TIMEOUT_MS: 0,
    KEEP_ALIVE_TIMEOUT_MS: 0,
    BODY_LIMIT_BYTES: 1,
  } as const;

  it.each([
    ['development', true],
    ['test', false],
    ['production', false],
  ] as const)('should turn the API reference on only in development (NODE_ENV=%s)', (env, on) => {
    const options = serviceOptionsFromConfig({ ...base, NODE_ENV: env } as never);
    expect(options.create.apiReference).toBe(on);
  });
});
