import { describe, expect, it } from 'vitest';
import { createRoute, createServiceApp, problemContent, storedText, z } from '@slipway/service-kit';
import { schemathesisConfig, stringFields } from './schemathesis-config.ts';

// A document as the service kit writes it: named schemas behind $ref, arrays of objects, and
// strings no hostile text fits (a UUID, an enum, a currency code).
async function documentOf(): Promise<unknown> {
  const service = createServiceApp({ name: 'shop', logLevel: 'silent', defaultMetrics: false });
  const item = z.object({ sku: z.string(), quantity: z.number().int() }).openapi('Item');
  const order = z
    .object({
      customer: z.object({ name: z.string(), 'e-mail': z.string(), id: z.uuid() }),
      currency: z.string().regex(/^[A-Z]{3}$/),
      note: storedText({ maxLength: 200 }),
      items: z.array(item),
    })
    .openapi('Order');
  const created = {
    201: { description: 'Created' },
    400: { description: 'No', content: problemContent },
  };
  service.app.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{shop}',
      request: {
        params: z.object({ shop: z.string() }),
        query: z.object({
          dryRun: z.enum(['yes', 'no']).optional(),
          tag: z.string().optional(),
          'odd name': z.string().optional(),
        }),
        body: { required: true, content: { 'application/json': { schema: order } } },
      },
      responses: created,
    }),
    (c) => c.body(null, 201),
  );
  return (await service.app.request('/openapi.json')).json();
}

describe('stringFields', () => {
  it('finds string fields through $ref, nested objects and arrays, and query and path parameters', async () => {
    expect(stringFields(await documentOf())).toEqual([
      'body.customer.e-mail',
      'body.customer.name',
      'body.items[*].sku',
      'body.note',
      'path.shop',
      'query.tag',
    ]);
  });

  it('finds nothing in a document without operations', () => {
    expect(stringFields({ openapi: '3.1.0', paths: {} })).toEqual([]);
  });
});

describe('schemathesisConfig', () => {
  it('binds the hostile-text dictionary to each field, with control characters escaped for TOML', async () => {
    const config = schemathesisConfig(await documentOf());
    expect(config).toContain(
      '"body.items[*].sku" = { dictionary = "hostile-text", probability = 0.25 }',
    );
    expect(config).toMatch(/^values = \[".*"a\\u0000b".*\]$/m);
    expect(config).toContain('"\\"; DROP TABLE orders; --"');
    const controls = [...config].filter(
      (char) => char !== '\n' && (char.codePointAt(0) ?? 0) < 0x20,
    );
    expect(controls).toEqual([]);
  });
});
