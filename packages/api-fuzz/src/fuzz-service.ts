import type { Server } from 'node:http';
import { loopbackHost } from '@slipway/config';
import { type Service, startService } from '@slipway/service-kit';
import { readFuzzEnv } from './fuzz-env.ts';
import { buildFuzzReport, type FuzzReport } from './fuzz-report.ts';
import { runSchemathesis } from './run-schemathesis.ts';
import { findSchemathesis } from './schemathesis-bin.ts';
import { schemathesisConfig } from './schemathesis-config.ts';

/** Options of {@link fuzzService}; each has a default that suits a service's test suite. */
export interface FuzzServiceOptions {
  /** The run's seed; defaults to {@link defaultFuzzSeed}. `FUZZ_SEED`, when set, wins. */
  readonly seed?: number;
  /** Test cases per operation and phase; defaults to 25. `FUZZ_MAX_EXAMPLES`, when set, wins. */
  readonly maxExamples?: number;
  /** The run fails when it takes longer; defaults to 90 000. */
  readonly timeoutMs?: number;
  /** schemathesis checks to leave out, by name; none by default. Say why next to each. */
  readonly excludeChecks?: readonly string[];
  /** Where the one-line outcome goes; defaults to `console.info`. */
  readonly log?: (line: string) => void;
}

/**
 * The seed every fuzz run uses unless told otherwise: runs repeat exactly until code changes.
 *
 * @example
 * const report = await fuzzService(service); // report.seed === defaultFuzzSeed unless FUZZ_SEED is set
 */
export const defaultFuzzSeed = 20_240_611;
const defaultMaxExamples = 25;
// Generous: a healthy run takes seconds, but a busy CI machine can slow it tenfold.
const defaultTimeoutMs = 240_000;

/**
 * How long a test that calls {@link fuzzService} may take: the run's default deadline plus the
 * service's start and stop. Pass it as the test's timeout.
 *
 * @example
 * it('answers every generated request as documented', async () => { ... }, fuzzTestTimeoutMs);
 */
export const fuzzTestTimeoutMs = defaultTimeoutMs + 30_000;

/**
 * Serves `service` on loopback with an ephemeral port and fuzzes it from its own
 * `/openapi.json` with schemathesis: requests generated from the document, and requests it
 * forbids. The report lists a failure for any 5xx, any answer (status, content type, headers,
 * body) the document does not describe, any forbidden request the service accepts, and a run
 * that crashed or ran out of time. The service is closed before it resolves.
 *
 * @example
 * const report = await fuzzService(createApp({ store, options: { logLevel: 'silent' } }));
 * expect(report.failures, report.summary).toEqual([]);
 */
export async function fuzzService(
  service: Service,
  {
    seed: seedOption,
    maxExamples: maxExamplesOption,
    timeoutMs = defaultTimeoutMs,
    excludeChecks = [],
    log = console.info,
  }: FuzzServiceOptions = {},
): Promise<FuzzReport> {
  const env = readFuzzEnv();
  const bin = findSchemathesis(env.schemathesisBin);
  const seed = env.seed ?? seedOption ?? defaultFuzzSeed;
  const maxExamples = env.maxExamples ?? maxExamplesOption ?? defaultMaxExamples;
  const running = await startService(service, {
    port: 0,
    host: loopbackHost,
    handleSignals: false,
  });
  const requests = countRequests(running.server);
  try {
    const schemaUrl = `${running.url}/openapi.json`;
    const document: unknown = await (await fetch(schemaUrl)).json();
    const run = await runSchemathesis({
      bin,
      schemaUrl,
      seed,
      maxExamples,
      timeoutMs,
      excludeChecks,
      config: schemathesisConfig(document),
    });
    const report = buildFuzzReport(run, {
      service: service.name,
      seed,
      requests: requests(),
      timeoutMs,
    });
    log(report.failures.length === 0 ? report.summary : (report.summary.split('\n')[0] ?? ''));
    return report;
  } finally {
    await running.close();
  }
}

function countRequests(server: Server): () => number {
  let count = 0;
  server.on('request', () => {
    count += 1;
  });
  return () => count;
}
