import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createRoute, type Problem, problemContent, z } from '../src/index.ts';
import { startTestService, type TestService } from './helpers/test-service.ts';

const noteSchema = z.object({ text: z.string() });

const createNote = createRoute({
  method: 'post',
  path: '/notes',
  request: { body: { content: { 'application/json': { schema: noteSchema } } } },
  responses: {
    201: { description: 'Stored', content: { 'application/json': { schema: noteSchema } } },
    400: { description: 'Invalid request', content: problemContent },
  },
});

let running: TestService | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** A service that keeps every note and every plain-text body its handlers receive. */
async function start(): Promise<TestService & { stored: string[] }> {
  const stored: string[] = [];
  const service = await startTestService(({ app }) => {
    app.openapi(createNote, (c) => {
      const note = c.req.valid('json');
      stored.push(note.text);
      return c.json(note, 201);
    });
    app.post('/echo', async (c) => {
      const text = await c.req.text();
      stored.push(text);
      return c.text(text);
    });
  });
  running = service;
  return { ...service, stored };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((part) => [...part]));

// {"text":"caf<0xE9>"}: "café" in Latin-1, the usual way a client sends non-UTF-8 JSON.
const latin1Json = concat(utf8('{"text":"caf'), new Uint8Array([0xe9]), utf8('"}'));
const latin1Offset = '{"text":"caf'.length;

async function post(url: string, type: string, body: Uint8Array): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': type }, body });
}

describe('request bodies are decoded as strict UTF-8', () => {
  it('answers 400 naming invalid UTF-8 and its byte offset, and the handler stores nothing', async () => {
    const { url, stored } = await start();
    const response = await post(`${url}/notes`, 'application/json', latin1Json);

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = (await response.json()) as Problem;
    expect(body).toMatchObject({ status: 400, title: 'Bad Request', instance: '/notes' });
    expect(body.detail).toBe(
      `The request body is not valid UTF-8: invalid byte sequence at byte offset ${latin1Offset}. ` +
        'Send the body encoded as UTF-8.',
    );
    expect(stored).toEqual([]);
  });

  it('refuses invalid UTF-8 in a text body read with c.req.text(), and in a +json media type', async () => {
    const { url, stored } = await start();
    const text = await post(`${url}/echo`, 'text/plain; charset=utf-8', latin1Json);
    const problemJson = await post(`${url}/echo`, 'application/merge-patch+json', latin1Json);

    expect([text.status, problemJson.status]).toEqual([400, 400]);
    expect(((await text.json()) as Problem).detail).toContain('not valid UTF-8');
    expect(stored).toEqual([]);
  });

  it('refuses invalid UTF-8 in a chunked body', async () => {
    const { url, stored } = await start();
    const { status, body } = await new Promise<{ status: number; body: string }>(
      (resolve, reject) => {
        const req = httpRequest(`${url}/notes`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        });
        req.on('response', (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.write(latin1Json.subarray(0, 5));
        req.end(latin1Json.subarray(5));
      },
    );
    expect(status).toBe(400);
    expect((JSON.parse(body) as Problem).detail).toContain(`byte offset ${latin1Offset}`);
    expect(stored).toEqual([]);
  });

  it('keeps valid UTF-8 exactly, multi-byte and astral characters included', async () => {
    const { url, stored } = await start();
    const text = 'café 日本 🚢 e\u0301';
    const note = await post(`${url}/notes`, 'application/json', utf8(JSON.stringify({ text })));
    const echo = await post(`${url}/echo`, 'text/plain', utf8(text));

    expect(note.status).toBe(201);
    expect(await note.json()).toEqual({ text });
    expect(await echo.text()).toBe(text);
    expect(stored).toEqual([text, text]);
  });

  it('still answers malformed JSON and an empty body with the validator’s 400', async () => {
    const { url, stored } = await start();
    const malformed = await post(`${url}/notes`, 'application/json', utf8('{"text": '));
    const empty = await post(`${url}/notes`, 'application/json', new Uint8Array());

    expect([malformed.status, empty.status]).toEqual([400, 400]);
    expect(((await malformed.json()) as Problem).detail).toBe('Malformed JSON in request body');
    expect(stored).toEqual([]);
  });

  it('leaves bodies of other media types to their parsers', async () => {
    const { url } = await start();
    const response = await post(`${url}/echo`, 'application/octet-stream', latin1Json);
    expect(response.status).toBe(200);
  });

  it('refuses invalid UTF-8 in a request made with app.request(), without a Content-Length', async () => {
    const { service, stored } = await start();
    const response = await service.app.request('/notes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: latin1Json,
    });
    expect(response.status).toBe(400);
    expect(stored).toEqual([]);
  });
});
