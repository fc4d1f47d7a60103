import { describe, expect, it } from 'vitest';
import { UpstreamError } from './upstream-error.ts';
import { createUpstreamFetch } from './upstream-fetch.ts';

const answering = (response: () => Response) =>
  createUpstreamFetch({ service: 'orders', timeoutMs: 1_000, fetch: async () => response() });

describe('createUpstreamFetch', () => {
  it.each([204, 205, 304])('passes a %i answer through, without a body', async (status) => {
    const response = await answering(() => new Response(null, { status }))('http://orders/');

    expect(response.status).toBe(status);
    expect(response.body).toBeNull();
  });

  it('passes a 2xx answer through with its body and headers', async () => {
    const response = await answering(
      () =>
        new Response('{"id":"o-1"}', {
          status: 201,
          headers: { 'content-type': 'application/json' },
        }),
    )('http://orders/');

    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ id: 'o-1' });
  });

  it('turns a 5xx answer into a 502 UpstreamError naming the service and the status', async () => {
    const failing = answering(() => new Response('boom', { status: 500 }));

    await expect(failing('http://orders/')).rejects.toMatchObject({
      status: 502,
      service: 'orders',
      failure: 'server-error',
      upstreamStatus: 500,
    });
    await expect(failing('http://orders/')).rejects.toBeInstanceOf(UpstreamError);
  });

  it.each([503, 504])(
    'passes a %i answer on as its own status, so callers back off too',
    async (status) => {
      const failing = answering(() => new Response('busy', { status }));

      await expect(failing('http://orders/', { method: 'POST' })).rejects.toMatchObject({
        status,
        failure: 'server-error',
        upstreamStatus: status,
      });
    },
  );

  it('names the call by method and path on the error, never by its query or body', async () => {
    const failing = answering(() => new Response('boom', { status: 500 }));

    const error = await failing('http://orders/orders?customer=c-9', {
      method: 'post',
      body: '{"sku":"SENTINEL"}',
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ operation: 'POST /orders' });
    expect(JSON.stringify(error)).not.toMatch(/SENTINEL|c-9/);
  });
});
