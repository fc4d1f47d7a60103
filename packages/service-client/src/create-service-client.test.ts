import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createServiceClient } from './create-service-client.ts';
import { getThrough, startStubService } from './testing/index.ts';
import { UpstreamError } from './upstream-error.ts';

const itemsApi = new OpenAPIHono().get('/items/:id', (c) => c.json({ id: c.req.param('id') }));
type ItemsApi = typeof itemsApi;

async function stub(...args: Parameters<typeof startStubService>) {
  const service = await startStubService(...args);
  onTestFinished(() => service.close());
  return service;
}

describe('createServiceClient', () => {
  it('calls the typed route at the base URL and hands back the answer', async () => {
    const items = await stub((request) => Response.json({ id: request.path.split('/').at(-1) }));
    const client = createServiceClient<ItemsApi>({
      service: 'items',
      baseUrl: items.url,
      timeoutMs: 10_000,
    });

    const response = await client.items[':id'].$get(
      { param: { id: 'i-7' } },
      { headers: { 'X-Request-Id': 'req-1' } },
    );

    expect(await response.json()).toEqual({ id: 'i-7' });
    expect(items.requests).toMatchObject([
      { method: 'GET', path: '/items/i-7', headers: { 'x-request-id': 'req-1' } },
    ]);
  });

  it('turns a 5xx answer into a 502 UpstreamError naming the service', async () => {
    const items = await stub(() => new Response('down', { status: 500 }));
    const client = createServiceClient<ItemsApi>({
      service: 'items',
      baseUrl: items.url,
      timeoutMs: 10_000,
    });

    const error = await getThrough(client, '/items/i-1').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ status: 502, service: 'items', upstreamStatus: 500 });
  });

  it('answers 504 when the service does not answer within the deadline', async () => {
    const items = await stub(() => 'hang');
    const client = createServiceClient<ItemsApi>({
      service: 'items',
      baseUrl: items.url,
      timeoutMs: 50,
    });

    await expect(getThrough(client, '/items/i-1')).rejects.toMatchObject({
      status: 504,
      failure: 'timeout',
      message: 'items did not answer within 50 ms.',
    });
  });

  it('answers 502 when nothing listens at the base URL', async () => {
    const items = await stub(() => Response.json({}));
    await items.close();
    const client = createServiceClient<ItemsApi>({
      service: 'items',
      baseUrl: items.url,
      timeoutMs: 10_000,
    });

    await expect(getThrough(client, '/items/i-1')).rejects.toMatchObject({
      status: 502,
      failure: 'unreachable',
    });
  });
});
