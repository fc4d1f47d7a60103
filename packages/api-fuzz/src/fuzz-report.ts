import { fuzzEnvNames } from './fuzz-env.ts';
import type { SchemathesisRun } from './run-schemathesis.ts';

/** One kind of failure a fuzz run found, and where. */
export interface FuzzFailure {
  /** schemathesis's code (`ST101` for a server error; `st explain ST101` tells more). */
  readonly code: string;
  readonly title: string;
  /** The operations it happened on, e.g. `POST /orders`. */
  readonly operations: readonly string[];
}

/** The outcome of fuzzing one service. */
export interface FuzzReport {
  readonly service: string;
  /** The seed used: the same seed, code and versions generate the same requests. */
  readonly seed: number;
  /** Test cases schemathesis generated. */
  readonly testCases: number;
  /** HTTP requests the service answered, the document's own fetch included. */
  readonly requests: number;
  readonly durationMs: number;
  /** Empty when the service answered everything as its document says. */
  readonly failures: readonly FuzzFailure[];
  /** One line when it passed; otherwise each failure, its `curl` reproduction and the seed. */
  readonly summary: string;
}

/** What the runner knows of a run besides schemathesis's own account. */
export interface FuzzRunContext {
  readonly service: string;
  readonly seed: number;
  readonly requests: number;
  readonly timeoutMs: number;
}

const maxDetailChars = 20_000;

/**
 * Turns a schemathesis run into a {@link FuzzReport}: its failures (a timeout, a crash or a
 * non-zero exit without a listed failure count as one too, so a run never passes by accident)
 * and a summary that says how to repeat it.
 *
 * @example
 * const report = buildFuzzReport(run, { service: 'orders', seed: 1, requests: 480, timeoutMs: 90_000 });
 * expect(report.failures, report.summary).toEqual([]);
 */
export function buildFuzzReport(run: SchemathesisRun, context: FuzzRunContext): FuzzReport {
  const { service, seed, requests } = context;
  const failures = collectFailures(run, context);
  const testCases = run.report?.test_cases?.generated ?? 0;
  const seconds = (run.durationMs / 1000).toFixed(1);
  const counts = `${requests} requests, ${testCases} test cases, ${seconds} s, seed ${seed}`;
  if (failures.length === 0) {
    return {
      ...context,
      testCases,
      durationMs: run.durationMs,
      failures,
      summary: `api-fuzz: ${service} passed (${counts}).`,
    };
  }
  const summary = [
    `api-fuzz: ${service} failed (${counts}):`,
    ...failures.map(
      (f) =>
        `  - ${f.code} ${f.title}${f.operations.length > 0 ? `: ${f.operations.join(', ')}` : ''}`,
    ),
    `Repeat this run with ${fuzzEnvNames.seed}=${seed}; each failure below has a curl line that reproduces it.`,
    '',
    failureDetails(run.output),
  ].join('\n');
  return { ...context, testCases, durationMs: run.durationMs, failures, summary };
}

function collectFailures(run: SchemathesisRun, { timeoutMs }: FuzzRunContext): FuzzFailure[] {
  if (run.timedOut) {
    return [
      {
        code: 'timeout',
        title: `schemathesis did not finish within ${timeoutMs} ms`,
        operations: [],
      },
    ];
  }
  const listed: FuzzFailure[] = (run.report?.failures ?? []).map(({ code, title, operations }) => ({
    code,
    title,
    operations: [...(operations ?? [])],
  }));
  const errors: FuzzFailure[] = (run.report?.errors ?? []).map((error) => ({
    code: 'error',
    title: JSON.stringify(error).slice(0, 500),
    operations: [],
  }));
  const found = [...listed, ...errors];
  if (found.length === 0 && run.exitCode !== 0) {
    return [{ code: 'exit', title: `schemathesis exited with ${run.exitCode}`, operations: [] }];
  }
  return found;
}

function failureDetails(output: string): string {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => /^=+ FAILURES =+$/.test(line.trim()));
  const end = lines.findIndex((line) => /^=+ SUMMARY =+$/.test(line.trim()));
  const section =
    start >= 0 ? lines.slice(start, end > start ? end : undefined).join('\n') : output;
  return section.length > maxDetailChars
    ? `${section.slice(0, maxDetailChars)}\n[... ${section.length - maxDetailChars} more characters]`
    : section;
}
