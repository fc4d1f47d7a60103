import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createRoute,
  createServiceApp,
  problemContent,
  type Service,
  storedText,
  z,
} from '@slipway/service-kit';
import { fuzzService, fuzzTestTimeoutMs, SchemathesisMissingError } from '../src/index.ts';

// Real schemathesis against small services, each wrong in one way the issue names. A handful
// of examples per operation finds each fault; the well-made service shows none is invented.
const options = { maxExamples: 10, log: () => {} };

const noteSchema = z.object({ id: z.string(), text: z.string() }).openapi('Note');
const newNote = (text: z.ZodString) =>
  createRoute({
    method: 'post',
    path: '/notes',
    request: {
      body: {
        required: true,
        content: { 'application/json': { schema: z.object({ text }).openapi('NewNote') } },
      },
    },
    responses: {
      201: { description: 'Stored', content: { 'application/json': { schema: noteSchema } } },
      400: { description: 'Invalid', content: problemContent },
    },
  });

function notesService(build: (service: Service) => void): Service {
  const service = createServiceApp({ name: 'notes', logLevel: 'silent', defaultMetrics: false });
  build(service);
  return service;
}

const wellMade = () =>
  notesService(({ app }) => {
    app.openapi(newNote(storedText({ minLength: 1, maxLength: 20 })), (c) =>
      c.json({ id: 'n-1', text: c.req.valid('json').text }, 201),
    );
  });

// What orders did before stored-text schemas: NUL passes validation, the database refuses it.
const failsOnNul = () =>
  notesService(({ app }) => {
    app.openapi(newNote(z.string().min(1).max(20)), (c) => {
      const { text } = c.req.valid('json');
      if (text.includes('\u0000')) throw new Error('invalid byte sequence for encoding "UTF8"');
      return c.json({ id: 'n-1', text }, 201);
    });
  });

// Documented as strict, served without validation: anything gets a 201.
const acceptsForbidden = () =>
  notesService(({ app }) => {
    const route = newNote(z.string().min(1).max(20));
    app.openAPIRegistry.registerPath(route);
    app.post('/notes', (c) => c.json({ id: 'n-1', text: 'stored' }, 201));
  });

// Answers a number where the document promises a string.
const breaksItsSchema = () =>
  notesService(({ app }) => {
    const route = newNote(storedText({ minLength: 1, maxLength: 20 }));
    app.openAPIRegistry.registerPath(route);
    app.post('/notes', (c) => c.json({ id: 42, text: 'stored' }, 201));
  });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('fuzzService', () => {
  it(
    'passes a service that answers as its document says, counting requests and naming the seed',
    async () => {
      vi.stubEnv('FUZZ_SEED', ''); // unset here, whatever the shell says: the option decides
      const report = await fuzzService(wellMade(), { ...options, seed: 3 });
      expect(report.failures, report.summary).toEqual([]);
      expect(report.requests).toBeGreaterThan(10);
      expect(report.summary).toMatch(/^api-fuzz: notes passed \(\d+ requests, .* seed 3\)\.$/);
    },
    fuzzTestTimeoutMs,
  );

  it.each([
    ['a 5xx on a NUL character the schema allowed', failsOnNul, 'Server error'],
    [
      'a request the schema forbids, accepted',
      acceptsForbidden,
      'Schema-violating request accepted',
    ],
    ['a response body unlike the documented one', breaksItsSchema, 'Response violates schema'],
  ])(
    'fails on %s, printing the seed and a curl line to reproduce it',
    async (_case, build, title) => {
      vi.stubEnv('FUZZ_SEED', '11');
      const report = await fuzzService(build(), options);
      expect(report.failures.map((failure) => failure.title)).toContain(title);
      expect(report.summary).toContain('Repeat this run with FUZZ_SEED=11');
      expect(report.summary).toContain('curl -X POST');
    },
    fuzzTestTimeoutMs,
  );

  it('refuses to run without schemathesis rather than pass', async () => {
    vi.stubEnv('SCHEMATHESIS_BIN', '/nonexistent/st');
    await expect(fuzzService(wellMade(), options)).rejects.toThrow(SchemathesisMissingError);
  });
});
