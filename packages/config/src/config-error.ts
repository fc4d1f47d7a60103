/** One invalid or missing configuration variable. */
export interface ConfigProblem {
  /** The environment variable at fault, e.g. `PORT` (or `DATABASE_URL_FILE`). */
  readonly variable: string;
  /** What is wrong; never contains a secret's value. */
  readonly message: string;
}

/** Raised when configuration is invalid; lists every problem at once so one restart fixes them all. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(
      `Invalid configuration: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems
        .map((p) => `  - ${p.variable}: ${p.message}`)
        .join(
          '\n',
        )}\nSet each variable in the environment, or put its value in a file and set <NAME>_FILE to that path.`,
    );
    this.problems = problems;
  }
}
