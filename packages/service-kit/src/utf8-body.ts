import type { Context, MiddlewareHandler } from 'hono';
import { readRequestHeader, requestHasBody } from './node-bindings.ts';
import { problem } from './problem.ts';
import { firstInvalidUtf8Offset } from './utf8-offset.ts';

// `fatal`: a malformed byte throws instead of becoming U+FFFD. One decoder serves every request:
// a decode without `stream` keeps no state between calls.
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** The bodies read as text: JSON (`application/json`, `application/*+json`) and `text/*`. */
const textMediaType = /^\s*(?:application\/(?:[\w.-]+\+)?json|text\/[\w.+-]+)\s*(?:;|$)/i;

/** Hono's body cache holds promises, though its type names the values. */
interface BodyCachePromises {
  text?: Promise<string>;
}

/**
 * Decodes JSON and text request bodies as strict UTF-8: a body with a malformed byte sequence
 * gets a 400 problem that gives its byte offset, where Hono (like `Response.text()`) would
 * replace it with U+FFFD and let the handler store changed data. The text goes into Hono's body
 * cache, so `c.req.json()`, `c.req.text()` and the validator read it without decoding again.
 * Form bodies are left to Hono's form parser.
 *
 * @example
 * app.use(limitBody(1_048_576));
 * app.use(decodeBodyAsUtf8());
 */
export function decodeBodyAsUtf8(): MiddlewareHandler {
  return async function decodeUtf8Body(c, next) {
    // Decided from the headers first, so a request without a text body costs a lookup or two.
    const type = readRequestHeader(c, 'content-type');
    if (type === undefined || !textMediaType.test(type) || !requestHasBody(c)) return next();
    let bytes: ArrayBuffer;
    try {
      bytes = await c.req.arrayBuffer();
    } catch {
      // An aborted upload: Hono keeps the failed read, so the route's own read fails as before.
      return next();
    }
    let text: string;
    try {
      text = strictDecoder.decode(bytes);
    } catch {
      return notUtf8(c, new Uint8Array(bytes));
    }
    (c.req.bodyCache as BodyCachePromises).text = Promise.resolve(text);
    return next();
  };
}

function notUtf8(c: Context, bytes: Uint8Array): Response {
  const offset = firstInvalidUtf8Offset(bytes);
  return problem(c, 400, {
    detail:
      `The request body is not valid UTF-8: invalid byte sequence at byte offset ${offset}. ` +
      'Send the body encoded as UTF-8.',
  });
}
