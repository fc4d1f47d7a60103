import { describe, expect, it } from 'vitest';
import { gatewayTrafficDefaults } from '@slipway/platform-contract';
import { validateServiceManifest } from '@slipway/service-manifest';
import {
  newOrder,
  orderLoad,
  orderLoadPerSecond,
  orderRoundTrip,
  type SendJson,
} from './order-traffic.ts';

const target = { url: 'https://127.0.0.1:8443', host: 'gateway.e2e.slipway.test' };

describe('orderLoad', () => {
  it('should alternate creating an order and reading the known one', () => {
    const next = orderLoad('4f9c');
    expect(next(0)).toEqual({ method: 'POST', path: '/api/orders', body: newOrder(0) });
    expect(next(1)).toEqual({ method: 'GET', path: '/api/orders/4f9c' });
  });
});

describe('orderLoadPerSecond', () => {
  const manifest = (traffic?: { rateLimit: { requestsPerSecond: number } }) =>
    validateServiceManifest(
      { name: 'gateway', port: 3000, public: true, ...(traffic ? { traffic } : {}) },
      { file: 'apps/gateway/service.yaml', folder: 'gateway' },
    );

  it("stays under the gateway's per-client rate limit, the platform's or the manifest's", () => {
    const { requestsPerSecond } = gatewayTrafficDefaults.rateLimit;
    expect(orderLoadPerSecond(manifest())).toBeLessThan(requestsPerSecond);
    expect(orderLoadPerSecond(manifest())).toBeGreaterThan(0);
    expect(orderLoadPerSecond(manifest({ rateLimit: { requestsPerSecond: 10 } }))).toBe(5);
    expect(orderLoadPerSecond(manifest({ rateLimit: { requestsPerSecond: 1 } }))).toBe(1);
  });
});

describe('orderRoundTrip', () => {
  it('returns the id of an order created and read back', async () => {
    const send: SendJson = async (_, request) =>
      request.method === 'POST'
        ? { status: 201, body: { id: 'a1', ...newOrder(0) } }
        : { status: 200, body: { id: 'a1', ...newOrder(0) } };
    expect(await orderRoundTrip(target, send)).toBe('a1');
  });

  it('names the request that failed', async () => {
    const send: SendJson = async () => ({ status: 502, body: { title: 'Bad Gateway' } });
    await expect(orderRoundTrip(target, send)).rejects.toThrow('POST /api/orders answered 502');
  });

  it('fails when the order read back is not the one created', async () => {
    const send: SendJson = async (_, request) =>
      request.method === 'POST'
        ? { status: 201, body: { id: 'a1' } }
        : { status: 200, body: { id: 'b2' } };
    await expect(orderRoundTrip(target, send)).rejects.toThrow('GET /api/orders/a1 answered 200');
  });
});
