import { Hono, type MiddlewareHandler } from 'hono';
import { describe, expect, it } from 'vitest';
import { inSequence } from './in-sequence.ts';

// Records when it runs, before and after the rest of the chain.
function tracing(name: string, events: string[]): MiddlewareHandler {
  return async function trace(_c, next) {
    events.push(`${name} in`);
    await next();
    events.push(`${name} out`);
  };
}

describe('inSequence', () => {
  it('should run the middleware in order around the route, as app.use() on each would', async () => {
    const events: string[] = [];
    const app = new Hono();
    app.use(inSequence([tracing('a', events), tracing('b', events)]));
    app.get('/', (c) => {
      events.push('route');
      return c.text('ok');
    });

    const response = await app.request('/');

    expect(await response.text()).toBe('ok');
    expect(events).toEqual(['a in', 'b in', 'route', 'b out', 'a out']);
  });

  it('should answer with what a middleware returns instead of calling next, the outer ones still seeing it', async () => {
    let statusSeenOutside = 0;
    const app = new Hono();
    app.use(
      inSequence([
        async function observe(c, next) {
          await next();
          statusSeenOutside = c.res.status;
        },
        async function refuse(c) {
          return c.text('too large', 413);
        },
      ]),
    );
    app.get('/', (c) => c.text('never'));

    const response = await app.request('/');

    expect(response.status).toBe(413);
    expect(await response.text()).toBe('too large');
    expect(statusSeenOutside).toBe(413);
  });

  it('should let the outer middleware see the error handler’s answer when the route throws', async () => {
    let seen: [number, string | undefined] = [0, undefined];
    const app = new Hono();
    app.use(
      inSequence([
        async function observe(c, next) {
          await next();
          seen = [c.res.status, c.error?.message];
        },
      ]),
    );
    app.get('/', () => {
      throw new Error('boom');
    });
    app.onError((_error, c) => c.text('failed', 500));

    const response = await app.request('/');

    expect(response.status).toBe(500);
    expect(seen).toEqual([500, 'boom']);
  });
});
