import { answersWithoutPrompts, bypassFromFlags } from './answers-from-flags.ts';
import { findRepoRoot, plopfilePath } from './find-repo-root.ts';
import { formatResult } from './format-result.ts';
import { aborted, type RunResult, readRunResult, withRunOptions } from './generator-run.ts';
import { loadGenerator } from './load-generator.ts';
import { type Flags, type Output, parseFlags } from './parse-flags.ts';

/** Where and how {@link scaffoldService} runs; all injectable for tests. */
export interface ScaffoldOptions extends Output {
  /** The folder it was started from. Default: `process.cwd()`. */
  readonly cwd?: string;
  /** Whether a person can answer prompts. Default: stdin and stdout are terminals. */
  readonly interactive?: boolean;
}

async function collectAnswers(
  generator: Awaited<ReturnType<typeof loadGenerator>>,
  flags: Flags,
  interactive: boolean,
): Promise<Record<string, unknown>> {
  const prompts = Array.isArray(generator.prompts) ? generator.prompts : [];
  if (!interactive) return answersWithoutPrompts(prompts, flags);
  const answers: unknown = await generator.runPrompts(bypassFromFlags(prompts, flags));
  return typeof answers === 'object' && answers !== null ? { ...answers } : {};
}

/**
 * `npm create @slipway/service`: finds the repository around `cwd`, turns the flags into
 * the service generator's answers (asking for the rest in a terminal unless `--yes`), runs
 * the generator and prints what it wrote and the next steps.
 * @returns the process exit code: 0 on success, 1 on a refusal or failure.
 * @example process.exitCode = await scaffoldService(process.argv.slice(2), { stdout, stderr });
 */
export async function scaffoldService(
  args: readonly string[],
  {
    stdout,
    stderr,
    cwd = process.cwd(),
    interactive = process.stdin.isTTY === true && process.stdout.isTTY === true,
  }: ScaffoldOptions,
): Promise<number> {
  const parsed = parseFlags(args, { stdout, stderr });
  if ('exitCode' in parsed) return parsed.exitCode;
  const { flags } = parsed;
  const fail = (message: string) => {
    stderr(`✖ ${message}\n`);
    return 1;
  };

  const root = findRepoRoot(cwd);
  if (root === undefined) {
    return fail(
      `No Slipway repository around ${cwd}: run this inside one (a folder above with ${plopfilePath}), e.g. cd into your clone first.`,
    );
  }
  const prompting = interactive && !flags.yes && !flags.json;
  if (!prompting && flags.name === undefined) {
    return fail(
      'A service name is required when nothing is asked (--yes, --json or no terminal): pass --name, e.g. --name billing.',
    );
  }

  // The generators read the repository (platform.json, every manifest) as they load: a
  // problem there is refused like a bad answer, before anything is written.
  let generator: Awaited<ReturnType<typeof loadGenerator>>;
  let answers: Record<string, unknown>;
  try {
    generator = await loadGenerator(root, 'service');
    answers = await collectAnswers(generator, flags, prompting);
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\nNothing was written.`);
  }

  const progress = flags.json ? stderr : stdout;
  const data = withRunOptions(answers, {
    dryRun: flags.dryRun,
    link: flags.install,
    linkOutput: flags.json ? 'stderr' : 'inherit',
  });
  const { failures } = await generator.runActions(data, {
    onSuccess: (change) => progress(`✔ ${change.type}: ${change.path}\n`),
    onFailure: (failure) => {
      const message = failure.error || failure.message;
      if (message !== aborted) stderr(`✖ ${message}\n`);
    },
  });
  const result: RunResult | undefined = readRunResult(data);
  if (result && (failures.length === 0 || flags.json)) {
    (flags.json ? stdout : progress)(formatResult(result, { json: flags.json }));
  }
  return failures.length === 0 ? 0 : 1;
}
