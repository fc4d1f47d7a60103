import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiReferenceAssetPaths, apiReferencePath, openApiPath } from '../src/api-reference.ts';
import { createRoute, serviceOptionsFromConfig, z } from '../src/index.ts';
import { findSwaggerUiFiles } from '../src/swagger-ui-files.ts';
import { startTestService, type TestService } from './helpers/test-service.ts';

const require = createRequire(import.meta.url);

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
    expect(page).toContain('<div id="swagger-ui"></div>');
    const startScript = await fetch(`${url}${apiReferencePath}/assets/swagger-initializer.js`);
    expect(await startScript.text()).toContain(`SwaggerUIBundle({ url: "${openApiPath}"`);
  });

  it('should load every file from the service itself, none from the internet', async () => {
    const { url } = await start(true);
    const page = await (await fetch(`${url}${apiReferencePath}`)).text();
    expect(page).not.toMatch(/(https?:)?\/\/[a-z]/i);
    const loaded = [...page.matchAll(/(?:src|href)="([^"]+)"/g)]
      .map((match) => match[1])
      .filter((path) => path !== 'data:,'); // an empty icon, so the browser asks for no favicon
    expect(loaded.map((path) => path?.replace(/\?.*/, '')).sort()).toEqual(
      [...apiReferenceAssetPaths].sort(),
    );
    expect(page).not.toMatch(/<script>|<style>|\son[a-z]+=|style="/i);
  });

  it.each([
    ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8', 'SwaggerUIBundle'],
    ['swagger-ui.css', 'text/css; charset=utf-8', '.swagger-ui'],
  ])(
    'should serve %s from the installed swagger-ui-dist, cached for a year',
    async (name, type, text) => {
      const { url } = await start(true);
      const page = await (await fetch(`${url}${apiReferencePath}`)).text();
      const version = (require('swagger-ui-dist/package.json') as { version: string }).version;
      const path = `${apiReferencePath}/assets/${name}?v=${version}`;
      expect(page).toContain(path);
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const body = await response.text();
      expect(body).toBe(readFileSync(require.resolve(`swagger-ui-dist/${name}`), 'utf8'));
      expect(body).toContain(text);
    },
  );

  it('should allow scripts and styles from this origin only, none inline', async () => {
    const { url } = await start(true);
    const response = await fetch(`${url}${apiReferencePath}`);
    const policy = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      policy.split(';').map((directive) => {
        const [name = '', ...values] = directive.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/https?:|unsafe-/);
  });

  it.each([
    '/docs/assets/package.json',
    '/docs/assets/index.html',
    '/docs/assets/swagger-ui-bundle.js.map',
    '/docs/assets/../../package.json',
    '/docs/assets/..%2f..%2fpackage.json',
    '/docs/assets/%2e%2e/%2e%2e/package.json',
    '/docs/assets/..%5c..%5cpackage.json',
  ])('should answer 404 for %s: only the page’s files are served', async (path) => {
    const { url } = await start(true);
    // node:http sends the path as written; fetch would resolve the dot segments first.
    const status = await new Promise<number>((resolve, reject) => {
      httpGet(`${url}${path}`, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(status).toBe(404);
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

  it('should keep the page and its files out of the info access log, like the probes', async () => {
    const { url, logs } = await start(true);
    for (const path of [apiReferencePath, ...apiReferenceAssetPaths, '/ping']) {
      await (await fetch(`${url}${path}`)).text();
    }
    expect(logs.some((line) => line.path === '/ping')).toBe(true);
    const logged = logs.map((line) => line.path).filter((path) => path && path !== '/ping');
    expect(logged).toEqual([]);
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

describe('findSwaggerUiFiles', () => {
  it('should name the missing package and the fix when swagger-ui-dist is not installed', () => {
    const outside = mkdtempSync(join(tmpdir(), 'no-node-modules-'));
    try {
      expect(() => findSwaggerUiFiles(join(outside, 'index.js'))).toThrow(
        /swagger-ui-dist .*npm ci --omit=dev.*apiReference: false/,
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
