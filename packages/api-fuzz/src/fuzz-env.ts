/**
 * The environment variables the fuzz runner reads, and the only module that reads them: a seed
 * or a budget set here changes what a run generates, so turbo's `test` task lists them.
 *
 * @example
 * console.log(`repeat with ${fuzzEnvNames.seed}=${report.seed}`);
 */
export const fuzzEnvNames = {
  /** The seed of the run; a failure prints the one it used. */
  seed: 'FUZZ_SEED',
  /** Test cases per API operation and phase. */
  maxExamples: 'FUZZ_MAX_EXAMPLES',
  /** An `st` to use instead of the one install-schemathesis.sh installs. */
  schemathesisBin: 'SCHEMATHESIS_BIN',
} as const;

/** What the environment asks of a fuzz run; each field is unset when its variable is. */
export interface FuzzEnv {
  readonly seed?: number;
  readonly maxExamples?: number;
  readonly schemathesisBin?: string;
}

/**
 * Reads {@link fuzzEnvNames} from `env`, refusing values that are not what they should be (a
 * typo in a seed would otherwise silently fuzz with the default one).
 *
 * @example
 * const { seed = 1 } = readFuzzEnv(); // FUZZ_SEED=42 npm test → 42
 */
export function readFuzzEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): FuzzEnv {
  const seed = integer(env, fuzzEnvNames.seed, 0);
  const maxExamples = integer(env, fuzzEnvNames.maxExamples, 1);
  const schemathesisBin = env[fuzzEnvNames.schemathesisBin];
  return {
    ...(seed === undefined ? {} : { seed }),
    ...(maxExamples === undefined ? {} : { maxExamples }),
    ...(schemathesisBin ? { schemathesisBin } : {}),
  };
}

function integer(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  min: number,
): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`${name} must be an integer of at least ${min}, got '${text}'`);
  }
  return value;
}

/**
 * The environment schemathesis runs with: this process's, plain output on a fixed width so its
 * report reads the same on every terminal and in CI.
 *
 * @example
 * spawn(st, args, { env: schemathesisEnv() });
 */
export function schemathesisEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', PYTHONIOENCODING: 'utf-8', COLUMNS: '100' };
}
