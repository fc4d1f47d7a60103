import type { LoadReport } from './load-generator.ts';

const counts = (byKey: Readonly<Record<string, number>>) =>
  Object.entries(byKey)
    .map(([key, count]) => `${key}: ${count}`)
    .join(', ');

const total = (byKey: Readonly<Record<string, number>>) =>
  Object.values(byKey).reduce((a, b) => a + b, 0);

/**
 * Why a load run under a rolling update does not pass, one line per reason; empty when every
 * request succeeded and at least `minimum` were sent (a run that sent nothing proves nothing).
 * @example loadProblems(report, 100) // ['2 requests failed (502: 2)']
 */
export function loadProblems(report: LoadReport, minimum = 1): string[] {
  const problems: string[] = [];
  if (report.sent < minimum)
    problems.push(`only ${report.sent} requests sent, fewer than ${minimum}`);
  const failed = total(report.failedByStatus);
  if (failed > 0) problems.push(`${failed} requests failed (${counts(report.failedByStatus)})`);
  if (report.resets > 0) problems.push(`${report.resets} connections reset under a request`);
  const errored = total(report.errors);
  if (errored > 0) problems.push(`${errored} requests errored (${counts(report.errors)})`);
  return problems;
}

/**
 * One line for the log.
 * @example formatLoadReport(report) // '1200 sent, 1200 succeeded, 0 failed, 0 resets, p50 12 ms, p99 80 ms, max 140 ms'
 */
export function formatLoadReport(report: LoadReport): string {
  const { p50, p99, max } = report.latencyMs;
  return `${report.sent} sent, ${report.succeeded} succeeded, ${total(report.failedByStatus)} failed, ${report.resets} resets, ${total(report.errors)} errors, p50 ${p50} ms, p99 ${p99} ms, max ${max} ms`;
}

/**
 * {@link loadProblems}, plus the rollout's own: a load that served nothing while the deploy
 * command ran proves nothing about the rollout (it was frozen, or the window was empty).
 * @example rolloutProblems(report, 100) // ['no request was served during the rollout (pulumi up ran 0 ms)']
 */
export function rolloutProblems(
  report: LoadReport & { readonly servedDuringRollout: number; readonly rolloutMs: number },
  minimum = 1,
): string[] {
  const problems = loadProblems(report, minimum);
  if (report.servedDuringRollout <= 0)
    problems.push(
      `no request was served during the rollout (the deploy ran ${report.rolloutMs} ms): the load did not run while it rolled`,
    );
  return problems;
}
