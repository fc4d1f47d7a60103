/** One thing wrong with the stack config, named by service (when it is about one) and field. */
export interface StackConfigProblem {
  /** The service the problem belongs to; empty for stack-wide settings. */
  readonly service: string;
  /** The config field as set with `pulumi config set --path`, such as `images.orders`. */
  readonly field: string;
  readonly message: string;
}

/** Raised before any resource is registered when the stack config cannot deploy the catalog. */
export class ServicesStackConfigError extends Error {
  override readonly name = 'ServicesStackConfigError';

  readonly stackName: string;
  readonly problems: readonly StackConfigProblem[];

  constructor(stackName: string, problems: readonly StackConfigProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the config of stack '${stackName}':\n${problems
        .map(
          (p) =>
            `  - ${p.service ? `service '${p.service}', ` : ''}field '${p.field}': ${p.message}`,
        )
        .join('\n')}`,
    );
    this.stackName = stackName;
    this.problems = problems;
  }
}
