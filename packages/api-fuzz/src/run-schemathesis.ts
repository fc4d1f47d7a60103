import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemathesisEnv } from './fuzz-env.ts';

/** What one `st run` is asked to do. */
export interface RunSchemathesisOptions {
  /** The `st` binary (see `findSchemathesis`). */
  readonly bin: string;
  /** Where the service serves its OpenAPI document; requests go to the same origin. */
  readonly schemaUrl: string;
  readonly seed: number;
  /** Test cases per API operation and phase. */
  readonly maxExamples: number;
  /** The run is stopped, and fails, after this long. */
  readonly timeoutMs: number;
  /** schemathesis checks to leave out (its names, e.g. `positive_data_acceptance`). */
  readonly excludeChecks?: readonly string[];
  /** A `schemathesis.toml` for the run (see `schemathesisConfig`). */
  readonly config?: string;
}

/** The part of schemathesis's JSON report the runner reads. */
export interface SchemathesisReport {
  readonly seed?: number;
  readonly running_time?: number;
  readonly exit_code?: number;
  readonly test_cases?: { readonly generated?: number };
  readonly failures?: readonly {
    readonly code: string;
    readonly title: string;
    readonly count?: number;
    readonly operations?: readonly string[];
  }[];
  readonly errors?: readonly unknown[];
}

/** How an `st run` ended. */
export interface SchemathesisRun {
  /** `null` when it was stopped at the deadline. */
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  /** What it printed: progress, each failure with a `curl` line to reproduce it, the seed. */
  readonly output: string;
  /** Its JSON report; `undefined` when it ended before writing one. */
  readonly report: SchemathesisReport | undefined;
  readonly durationMs: number;
}

// Every phase (examples from the document, coverage of its boundaries, random fuzzing, and
// stateful sequences that follow Location headers) and every check: server errors, status
// codes, content types, headers and bodies against the document, schema-invalid requests that
// are accepted, schema-valid ones that are refused, and the rest.
const phases = 'examples,coverage,fuzzing,stateful';

/**
 * Runs `st run` against a live service's OpenAPI document: bounded by `maxExamples` per
 * operation and a deadline, one worker (so a seed replays the same sequence), nothing written
 * to the working tree (Hypothesis's example database is off; reports go to a temporary folder).
 *
 * @example
 * const run = await runSchemathesis({ bin, schemaUrl: `${url}/openapi.json`, seed: 1, maxExamples: 30, timeoutMs: 60_000 });
 */
export async function runSchemathesis({
  bin,
  schemaUrl,
  seed,
  maxExamples,
  timeoutMs,
  excludeChecks = [],
  config,
}: RunSchemathesisOptions): Promise<SchemathesisRun> {
  const workDir = await mkdtemp(join(tmpdir(), 'api-fuzz-'));
  const reportPath = join(workDir, 'report.json');
  const configPath = join(workDir, 'schemathesis.toml');
  if (config !== undefined) await writeFile(configPath, config);
  const args = [
    ...(config === undefined ? [] : ['--config-file', configPath]),
    'run',
    schemaUrl,
    '--phases',
    phases,
    '--checks',
    'all',
    ...(excludeChecks.length > 0 ? ['--exclude-checks', excludeChecks.join(',')] : []),
    '--seed',
    String(seed),
    '--max-examples',
    String(maxExamples),
    '--workers',
    '1',
    '--request-timeout',
    '10',
    '--generation-database',
    'none',
    '--no-color',
    '--report',
    'json',
    '--report-json-path',
    reportPath,
  ];
  const started = performance.now();
  try {
    const { exitCode, timedOut, output } = await spawnWithDeadline(bin, args, workDir, timeoutMs);
    // No report, or half of one when the deadline killed it mid-write: the run's exit says why.
    const report = await readFile(reportPath, 'utf8').then(parseReport, () => undefined);
    return { exitCode, timedOut, output, report, durationMs: performance.now() - started };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function parseReport(text: string): SchemathesisReport | undefined {
  try {
    return JSON.parse(text) as SchemathesisReport;
  } catch {
    return undefined;
  }
}

function spawnWithDeadline(bin: string, args: string[], cwd: string, timeoutMs: number) {
  return new Promise<{ exitCode: number | null; timedOut: boolean; output: string }>(
    (resolve, reject) => {
      // Its working folder is a temporary one: schemathesis keeps caches beside where it runs.
      const child = spawn(bin, args, {
        cwd,
        env: schemathesisEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('close', (code) => {
        clearTimeout(timer);
        resolve({
          exitCode: timedOut ? null : code,
          timedOut,
          output: Buffer.concat(chunks).toString('utf8'),
        });
      });
    },
  );
}
