import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRoute,
  HTTPException,
  type Problem,
  problemContent,
  type RetryAfterHint,
  z,
} from '../src/index.ts';
import { expectNoInternals, startTestService, type TestService } from './helpers/test-service.ts';

const itemSchema = z.object({ name: z.string().min(1), quantity: z.number().int().positive() });

const createItem = createRoute({
  method: 'post',
  path: '/items',
  request: {
    query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
    body: { content: { 'application/json': { schema: itemSchema } } },
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: itemSchema } } },
    400: { description: 'Invalid request', content: problemContent },
  },
});

let running: TestService | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(): Promise<TestService> {
  running = await startTestService(
    ({ app }) => {
      app.openapi(createItem, (c) => c.json(c.req.valid('json'), 201));
      app.get('/items/:id', (c) => c.json({ id: c.req.param('id') }));
      app.get('/boom', () => {
        throw new Error('connection to postgres://admin:hunter2@db failed');
      });
      app.get('/conflict', () => {
        throw new HTTPException(409, { message: 'The item is locked.' });
      });
      app.get('/busy', () => {
        const busy: RetryAfterHint = { retryAfterSeconds: 7 };
        throw Object.assign(new HTTPException(503, { message: 'Try again soon.' }), busy);
      });
    },
    { bodyLimitBytes: 256 },
  );
  return running;
}

async function problemOf(response: Response): Promise<Problem> {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const text = await response.text();
  expectNoInternals(text);
  return JSON.parse(text) as Problem;
}

describe('problem responses', () => {
  it('answers an unknown path with a 404 problem naming the path and the request id', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/nothing-here`, { headers: { 'X-Request-Id': 'req-404' } });
    expect(response.status).toBe(404);
    expect(await problemOf(response)).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      instance: '/nothing-here',
      requestId: 'req-404',
    });
  });

  it('answers a known path with a wrong method with a 405 problem and an Allow header', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/items/7`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(await problemOf(response)).toMatchObject({ status: 405, title: 'Method Not Allowed' });
  });

  it('answers an invalid body with a 400 problem that lists every invalid field', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: '', quantity: -1 }),
    });
    expect(response.status).toBe(400);
    const body = await problemOf(response);
    expect(body).toMatchObject({ status: 400, title: 'Bad Request', instance: '/items' });
    expect(body.errors?.map((error) => [error.in, error.pointer])).toEqual([
      ['body', '#/name'],
      ['body', '#/quantity'],
    ]);
  });

  it('names the query as the place of an invalid query parameter', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/items?dryRun=maybe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'bolt', quantity: 1 }),
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors).toEqual([
      expect.objectContaining({ in: 'query', pointer: '#/dryRun' }),
    ]);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name": ',
    });
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ status: 400, detail: expect.any(String) });
  });

  it('answers a body over the limit with a 413 problem', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(300), quantity: 1 }),
    });
    expect(response.status).toBe(413);
    expect(await problemOf(response)).toMatchObject({ status: 413, title: 'Payload Too Large' });
  });

  it('answers a chunked body that grows over the limit with a 413 problem', async () => {
    const { url } = await start();
    const { status, body } = await new Promise<{ status: number; body: string }>(
      (resolve, reject) => {
        const req = httpRequest(`${url}/items`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        });
        req.on('response', (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.write('{"name":"');
        req.write('y'.repeat(300));
        req.end('","quantity":1}');
      },
    );
    expect(status).toBe(413);
    expectNoInternals(body);
    expect(JSON.parse(body)).toMatchObject({ status: 413 });
  });

  it('answers a thrown error with a 500 problem that reveals nothing about it', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/boom`);
    expect(response.status).toBe(500);
    const text = await response.clone().text();
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('postgres');
    expect(await problemOf(response)).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      instance: '/boom',
      requestId: expect.any(String),
    });
  });

  it('logs the error behind a 500 with its stack and the request id', async () => {
    const service = await start();
    const response = await fetch(`${service.url}/boom`);
    const requestId = response.headers.get('x-request-id');
    const line = service.logs.find((log) => log.msg === 'request failed');
    expect(line).toMatchObject({ level: 'error', status: 500, route: '/boom', requestId });
    expect(line?.err).toMatchObject({ stack: expect.stringContaining('at ') });
  });

  it("answers an HTTPException with its status and message as the problem's detail", async () => {
    const { url } = await start();
    const response = await fetch(`${url}/conflict`);
    expect(response.status).toBe(409);
    expect(await problemOf(response)).toMatchObject({
      status: 409,
      title: 'Conflict',
      detail: 'The item is locked.',
    });
  });

  it('answers an HTTPException carrying retryAfterSeconds with Retry-After', async () => {
    const { url } = await start();
    const busy = await fetch(`${url}/busy`);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('7');
    expect(await problemOf(busy)).toMatchObject({ status: 503, detail: 'Try again soon.' });

    expect((await fetch(`${url}/conflict`)).headers.get('retry-after')).toBeNull();
  });

  it('sets secure headers on every answer', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/items/1`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
