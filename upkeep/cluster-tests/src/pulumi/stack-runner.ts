import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess } from '../control-plane/managed-process.ts';
import { resultMarker, type StackRequest, type StackResult } from './stack-request.ts';

/** Where Pulumi keeps state and what it deploys to, for one suite run. */
export interface PulumiEnvironment {
  /** Holds the file backend, PULUMI_HOME and the run logs; thrown away after the suite. */
  readonly stateDir: string;
  /** The throwaway passphrase the stacks' secrets are encrypted with. */
  readonly passphrase: string;
  readonly kubeconfig: string;
  /** A folder with `pulumi` and `pulumi-resource-kubernetes`, put first on PATH. Default: PATH's. */
  readonly toolsPath?: string;
}

/** The failure of a Pulumi operation, with what the engine printed. */
class StackError extends Error {
  readonly log: string;

  constructor(message: string, log: string) {
    super(message);
    this.name = 'StackError';
    this.log = log;
  }
}

/**
 * The environment every Pulumi run gets: a local file backend, a home of its own (no plugin or
 * credential of the machine's leaks in), no update check, and with built tools no plugin download,
 * so nothing reaches the network.
 * @example spawn('pulumi', ['version'], { env: pulumiEnv(environment) });
 */
export function pulumiEnv(
  environment: PulumiEnvironment,
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const { stateDir, toolsPath } = environment;
  return {
    ...base,
    PATH: toolsPath ? `${toolsPath}:${base.PATH ?? ''}` : base.PATH,
    PULUMI_BACKEND_URL: `file://${join(stateDir, 'backend')}`,
    PULUMI_HOME: join(stateDir, 'home'),
    PULUMI_CONFIG_PASSPHRASE: environment.passphrase,
    PULUMI_SKIP_UPDATE_CHECK: 'true',
    ...(toolsPath ? { PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true' } : {}),
    KUBECONFIG: environment.kubeconfig,
  };
}

/**
 * Runs one Pulumi operation in a fresh Node process (stack-cli.ts of the repository at
 * `repoRoot`), torn down with the suite like the control plane, and returns its result.
 * @throws StackError when the operation fails, with the engine's output.
 * @example const { changes } = await runStack({ projectDir, stack: 'dev', operation: 'up' }, env, repoRoot);
 */
export async function runStack(
  request: StackRequest,
  environment: PulumiEnvironment,
  repoRoot: string,
): Promise<StackResult> {
  mkdirSync(join(environment.stateDir, 'backend'), { recursive: true });
  // One folder per run: Pulumi's inline workspace (kept with the state, not left in the temp
  // dir) and, beside it, the run's log.
  mkdirSync(join(environment.stateDir, 'runs'), { recursive: true });
  const workDir = mkdtempSync(
    join(environment.stateDir, 'runs', `${request.stack}-${request.operation}-`),
  );
  const logFile = `${workDir}.log`;
  const child = startProcess({
    name: `pulumi ${request.operation} ${request.stack}`,
    command: process.execPath,
    args: [
      '--conditions=@slipway/source',
      join(repoRoot, 'upkeep/cluster-tests/src/pulumi/stack-cli.ts'),
      JSON.stringify({ ...request, workDir }),
    ],
    logFile,
    cwd: repoRoot,
    env: pulumiEnv(environment),
  });
  const code = await child.exited;
  const log = readFileSync(logFile, 'utf8');
  const answer = log.split('\n').find((line) => line.startsWith(resultMarker));
  if (code !== 0 || !answer) {
    // Admission warnings come early in a long log; they are usually the reason.
    const admission = [...new Set(log.split('\n').filter((line) => /PodSecurity/.test(line)))];
    throw new StackError(
      `pulumi ${request.operation} of ${request.projectDir} (${request.stack}) failed (${code}):\n${[...admission.slice(0, 5), log.slice(-4_000)].join('\n')}`,
      log,
    );
  }
  return JSON.parse(answer.slice(resultMarker.length)) as StackResult;
}
