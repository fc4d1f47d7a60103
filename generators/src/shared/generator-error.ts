/**
 * A generator run refused before writing anything. Its message lists every problem
 * found, each saying what is wrong and how to fix it, so one run shows them all.
 * @example throw new GeneratorError('create service billing', ['Port 3001 is already used by orders.']);
 */
export class GeneratorError extends Error {
  override readonly name = 'GeneratorError';

  readonly action: string;
  readonly problems: readonly string[];

  constructor(action: string, problems: readonly string[]) {
    super(`Cannot ${action}:\n${problems.map((p) => `  - ${p}`).join('\n')}\nNothing was written.`);
    this.action = action;
    this.problems = problems;
  }
}
