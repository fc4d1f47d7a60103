import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../fixtures/post-service/app.ts';
import { type NodeServer, startNodeServer } from '../src/lib/node-server.ts';
import { sampleOrder } from '../src/lib/sample-order.ts';

// The POST figure is only fair if both servers do the same work: accept the same orders with
// the same answer and refuse the same ones.
const bareScript = fileURLToPath(new URL('../fixtures/bare-post.mjs', import.meta.url));
const item = sampleOrder.items[0];
const refused: [string, string][] = [
  ['a body that is not JSON', '{"customerId":'],
  ['a JSON array', '[]'],
  ['a missing customerId', JSON.stringify({ ...sampleOrder, customerId: undefined })],
  ['an empty customerId', JSON.stringify({ ...sampleOrder, customerId: '' })],
  ['a lower-case currency', JSON.stringify({ ...sampleOrder, currency: 'eur' })],
  ['no items', JSON.stringify({ ...sampleOrder, items: [] })],
  ['a quantity of 0', JSON.stringify({ ...sampleOrder, items: [{ ...item, quantity: 0 }] })],
  [
    'a fractional quantity',
    JSON.stringify({ ...sampleOrder, items: [{ ...item, quantity: 1.5 }] }),
  ],
  ['a quantity as text', JSON.stringify({ ...sampleOrder, items: [{ ...item, quantity: '2' }] })],
  ['an item without sku', JSON.stringify({ ...sampleOrder, items: [{ quantity: 1 }] })],
];

const kit = createApp({ logLevel: 'silent' }).app;
const postToKit = (body: string) =>
  kit.request('/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

let bare: NodeServer;
beforeAll(async () => {
  bare = await startNodeServer({ script: bareScript });
});
afterAll(() => bare?.stop());
const postToBare = (body: string) =>
  fetch(`${bare.url}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

describe('the POST fixtures', () => {
  it('should both answer the sample order with 201 and the same JSON, extra fields dropped', async () => {
    const body = JSON.stringify({ ...sampleOrder, note: 'not declared' });
    const [fromKit, fromBare] = await Promise.all([postToKit(body), postToBare(body)]);

    expect([fromKit.status, fromBare.status]).toEqual([201, 201]);
    expect(await fromKit.json()).toEqual(sampleOrder);
    expect(await fromBare.json()).toEqual(sampleOrder);
  });

  it('should answer the kit request with a request id, as every kit answer has', async () => {
    const response = await postToKit(JSON.stringify(sampleOrder));

    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(refused)('should both refuse %s with 400', async (_case, body) => {
    const [fromKit, fromBare] = await Promise.all([postToKit(body), postToBare(body)]);

    expect([fromKit.status, fromBare.status]).toEqual([400, 400]);
  });
});
