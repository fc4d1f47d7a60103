import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterEnvNames } from '../../src/cluster-env.ts';
import { startProcess } from '../../src/control-plane/managed-process.ts';
import { negativeControlReport } from '../../vitest.negative-control.config.ts';
import { repoRoot } from './cluster-suite.ts';

/** One test of a run, as vitest's JSON report has it. */
export interface TestOutcome {
  /** The describe block's name and the test's, joined by a space. */
  readonly fullName: string;
  readonly status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo' | 'disabled';
  readonly failureMessages: readonly string[];
}

/** What {@link runBroken} runs: a test file of the suite, some of its tests, one breakage. */
export interface BrokenRun {
  /** A `SLIPWAY_CLUSTER_BREAK` value, e.g. `spread`. */
  readonly breakage: string;
  /** The file, relative to the workspace: `cluster/platform-and-services.test.ts`. */
  readonly file: string;
  /** The beginnings of the names of the tests to run, in the file's order. */
  readonly tests: readonly string[];
  /** The cluster to run against: the one the suite already has. */
  readonly kubeconfig: string;
}

const workspace = join(repoRoot, 'upkeep/cluster-tests');
const asPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Runs tests of the cluster suite in a child vitest with the programs broken on purpose, against
 * the cluster the suite already has (by its kubeconfig: no second control plane), and returns
 * every test's outcome from the child's JSON report. The child tears its stacks down as any run
 * does.
 * @example const outcomes = await runBroken({ breakage: 'spread', file, tests: ['deploys'], kubeconfig });
 */
export async function runBroken({
  breakage,
  file,
  tests,
  kubeconfig,
}: BrokenRun): Promise<TestOutcome[]> {
  const dir = mkdtempSync(join(tmpdir(), `slipway-break-${breakage}-`));
  try {
    const report = join(workspace, negativeControlReport);
    rmSync(report, { force: true });
    // The parent's own vitest variables would make the child think it is a worker.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')),
    );
    const child = startProcess({
      name: `cluster suite with ${clusterEnvNames.breakProgram}=${breakage}`,
      command: process.execPath,
      args: [
        join(repoRoot, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--config',
        'vitest.negative-control.config.ts',
        file,
        '--testNamePattern',
        tests.map(asPattern).join('|'),
      ],
      logFile: join(dir, 'run.log'),
      cwd: workspace,
      env: {
        ...env,
        [clusterEnvNames.kubeconfig]: kubeconfig,
        [clusterEnvNames.breakProgram]: breakage,
      },
    });
    await child.exited;
    let parsed: { testResults?: { assertionResults?: TestOutcome[] }[] };
    try {
      parsed = JSON.parse(readFileSync(report, 'utf8'));
    } catch {
      throw new Error(`the broken run (${breakage}) wrote no report:\n${child.logTail(40)}`);
    }
    return (parsed.testResults ?? []).flatMap((result) => result.assertionResults ?? []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
