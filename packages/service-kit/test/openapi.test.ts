import { afterEach, describe, expect, it } from 'vitest';
import { createRoute, createRouter, problemContent, z } from '../src/index.ts';
import { startTestService, type TestService } from './helpers/test-service.ts';

const itemSchema = z
  .object({ id: z.string(), name: z.string(), quantity: z.number().int() })
  .openapi('Item');

const getItem = createRoute({
  method: 'get',
  path: '/items/{id}',
  request: { params: z.object({ id: z.string().min(1) }) },
  responses: {
    200: { description: 'The item', content: { 'application/json': { schema: itemSchema } } },
    404: { description: 'No such item', content: problemContent },
  },
});

const createItem = createRoute({
  method: 'post',
  path: '/items',
  request: {
    body: { content: { 'application/json': { schema: itemSchema.omit({ id: true }) } } },
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: itemSchema } } },
  },
});

let running: TestService | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, unknown> };
}

describe('/openapi.json', () => {
  it('documents declared routes with their parameters, bodies and responses', async () => {
    running = await startTestService(
      ({ app }) => {
        app.openapi(getItem, (c) =>
          c.json({ id: c.req.valid('param').id, name: 'bolt', quantity: 1 }, 200),
        );
        const router = createRouter().openapi(createItem, (c) =>
          c.json({ id: '1', ...c.req.valid('json') }, 201),
        );
        app.route('/', router);
      },
      { name: 'inventory', version: '1.2.3' },
    );
    const response = await fetch(`${running.url}/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as OpenApiDocument;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'inventory', version: '1.2.3' });
    expect(doc.paths['/items/{id}']?.get).toMatchObject({
      parameters: [expect.objectContaining({ name: 'id', in: 'path', required: true })],
      responses: {
        200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
        404: {
          content: {
            'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
          },
        },
      },
    });
    expect(doc.paths['/items']?.post).toMatchObject({
      requestBody: { content: { 'application/json': { schema: expect.any(Object) } } },
    });
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Item', 'Problem', 'FieldError']),
    );
    expect(doc.paths['/metrics']).toBeUndefined();
  });

  it('validates requests of routes declared on a router from createRouter', async () => {
    running = await startTestService(({ app }) => {
      app.route(
        '/',
        createRouter().openapi(createItem, (c) => c.json({ id: '1', ...c.req.valid('json') }, 201)),
      );
    });
    const response = await fetch(`${running.url}/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'bolt' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ in: 'body', pointer: '#/quantity' }],
    });
  });
});
