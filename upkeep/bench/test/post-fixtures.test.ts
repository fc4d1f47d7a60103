import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../fixtures/post-service/app.ts';
import { type NodeServer, startNodeServer } from '../src/lib/node-server.ts';
import { sampleOrder } from '../src/lib/sample-order.ts';

// The POST figure is only fair if its servers do the same work: accept the same orders with
// the same answer and refuse the same ones; the kit and Fastify also with the same problem.
const bareScript = fileURLToPath(new URL('../fixtures/bare-post.mjs', import.meta.url));
const fastifyScript = fileURLToPath(new URL('../fixtures/fastify-post/index.ts', import.meta.url));
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
let fastify: NodeServer;
beforeAll(async () => {
  [bare, fastify] = await Promise.all([
    startNodeServer({ script: bareScript }),
    startNodeServer({ script: fastifyScript }),
  ]);
}, 60_000);
afterAll(() => Promise.all([bare?.stop(), fastify?.stop()]));
const postTo = (server: NodeServer, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
const postToBare = (body: string) => postTo(bare, body);
const postToFastify = (body: string, headers: Record<string, string> = {}) =>
  postTo(fastify, body, headers);

describe('the POST fixtures', () => {
  it('should all answer the sample order with 201 and the same JSON, extra fields dropped', async () => {
    const body = JSON.stringify({ ...sampleOrder, note: 'not declared' });
    const answers = await Promise.all([postToKit(body), postToBare(body), postToFastify(body)]);

    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    for (const answer of answers) expect(await answer.json()).toEqual(sampleOrder);
  });

  it('should answer with the caller’s request id from the kit and from Fastify alike', async () => {
    const body = JSON.stringify(sampleOrder);
    const headers = { 'x-request-id': 'bench-1' };
    const answers = await Promise.all([
      kit.request('/orders', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      }),
      postToFastify(body, headers),
    ]);

    expect(answers.map((answer) => answer.headers.get('x-request-id'))).toEqual([
      'bench-1',
      'bench-1',
    ]);
  });

  it('should refuse an invalid field with the same problem from the kit and from Fastify', async () => {
    const body = JSON.stringify({ ...sampleOrder, items: [{ ...item, quantity: '2' }] });
    const answers = await Promise.all([postToKit(body), postToFastify(body)]);
    const problems = (await Promise.all(answers.map((answer) => answer.json()))) as Record<
      string,
      unknown
    >[];

    expect(answers.map((answer) => answer.status)).toEqual([400, 400]);
    for (const answer of answers) {
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const shape = (problem: Record<string, unknown>) => ({
      keys: Object.keys(problem),
      title: problem.title,
      detail: problem.detail,
      instance: problem.instance,
      pointers: (problem.errors as { pointer: string }[]).map((error) => error.pointer),
    });
    expect(shape(problems[1] ?? {})).toEqual(shape(problems[0] ?? {}));
  });

  it('should answer the kit request with a request id, as every kit answer has', async () => {
    const response = await postToKit(JSON.stringify(sampleOrder));

    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(refused)('should all refuse %s with 400', async (_case, body) => {
    const answers = await Promise.all([postToKit(body), postToBare(body), postToFastify(body)]);

    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400]);
  });
});
