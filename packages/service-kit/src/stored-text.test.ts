import { describe, expect, it } from 'vitest';
import { createServiceApp } from './create-service-app.ts';
import { createRoute, z } from './index.ts';
import { problemContent } from './problem.ts';
import { storedText } from './stored-text.ts';

const sku = storedText({ minLength: 1, maxLength: 4 });

describe('storedText', () => {
  it.each([
    ['plain text', 'abcd'],
    ['a single character', 'a'],
    ['four astral characters (eight UTF-16 units)', '😀😀😀😀'],
    ['accents, CJK and control characters other than NUL', 'é中\t\u0001'],
  ])('accepts %s', (_case, value) => {
    expect(sku.safeParse(value).success).toBe(true);
  });

  it.each([
    ['a NUL character', 'a\u0000b', 'NUL'],
    ['a lone high surrogate', 'a\ud800b', 'surrogate'],
    ['a lone low surrogate', '\udc00', 'surrogate'],
    ['a pair in the wrong order', '\ude00\ud83d', 'surrogate'],
    ['five code points', 'abcde', 'at most 4'],
    ['an empty string', '', 'at least 1'],
  ])('refuses %s, saying why', (_case, value, reason) => {
    const result = sku.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join(' ')).toContain(reason);
  });

  it('keeps its checks when a service adds an example or a default', () => {
    const name = storedText({ maxLength: 8 }).openapi({ example: 'Ada' }).default('world');
    expect(name.parse(undefined)).toBe('world');
    expect(name.safeParse('a\u0000').success).toBe(false);
  });
});

describe('storedText in a route', () => {
  const service = createServiceApp({
    name: 'inventory',
    logLevel: 'silent',
    defaultMetrics: false,
  });
  const route = createRoute({
    method: 'post',
    path: '/items',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              items: z.array(z.object({ sku: sku.openapi({ example: 'A-1' }) })),
            }),
          },
        },
      },
    },
    responses: {
      204: { description: 'Stored' },
      400: { description: 'Invalid', content: problemContent },
    },
  });
  service.app.openapi(route, (c) => c.body(null, 204));

  it('answers a NUL in a nested field with a 400 problem naming that field', async () => {
    const response = await service.app.request('/items', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"items":[{"sku":"ok"},{"sku":"a\\u0000b"}]}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      status: 400,
      errors: [{ in: 'body', pointer: '#/items/1/sku', detail: expect.stringContaining('NUL') }],
    });
  });

  it('documents its bounds in code points and its refusal of NUL in /openapi.json', async () => {
    const document = (await (await service.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const body = JSON.stringify(document.paths['/items']);
    expect(JSON.parse(body).post.requestBody.content['application/json'].schema).toMatchObject({
      properties: {
        items: {
          items: {
            properties: {
              sku: { type: 'string', minLength: 1, maxLength: 4, pattern: '^[^\\u0000]*$' },
            },
          },
        },
      },
    });
    expect(body).toContain('"example":"A-1"');
  });
});
