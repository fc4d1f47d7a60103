import { afterEach, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from './helpers/test-service.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let running: TestService | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(): Promise<TestService> {
  running = await startTestService(({ app }) => {
    app.get('/whoami', (c) => c.json({ requestId: c.var.requestId }));
    app.get('/raw', () => new Response('built by hand'));
  });
  return running;
}

describe('request ids', () => {
  it("keeps the caller's X-Request-Id, echoes it and hands it to the handler", async () => {
    const { url } = await start();
    const response = await fetch(`${url}/whoami`, { headers: { 'X-Request-Id': 'abc-123' } });
    expect(response.headers.get('x-request-id')).toBe('abc-123');
    expect(await response.json()).toEqual({ requestId: 'abc-123' });
  });

  it('generates a UUID when the caller sent none', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/whoami`);
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(uuid);
    expect(await response.json()).toEqual({ requestId: id });
  });

  it('replaces a malformed X-Request-Id with a generated one', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/whoami`, {
      headers: { 'X-Request-Id': `bad id with spaces ${'x'.repeat(200)}` },
    });
    expect(response.headers.get('x-request-id')).toMatch(uuid);
  });

  it('echoes the id on responses a handler built itself', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/raw`, { headers: { 'X-Request-Id': 'raw-1' } });
    expect(response.headers.get('x-request-id')).toBe('raw-1');
  });
});
