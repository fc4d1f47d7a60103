import { answersWithoutPrompts, bypassFromFlags } from './answers-from-flags.ts';
import { findRepoRoot, plopfilePath } from './find-repo-root.ts';
import { formatResult } from './format-result.ts';
import { loadServiceGenerator, type ServiceGeneratorModule } from './load-generator.ts';
import { type Flags, type Output, parseFlags } from './parse-flags.ts';

/** Where and how {@link scaffoldService} runs; all injectable for tests. */
export interface ScaffoldOptions extends Output {
  /** The folder it was started from. Default: `process.cwd()`. */
  readonly cwd?: string;
  /** Whether a person can answer prompts. Default: stdin and stdout are terminals. */
  readonly interactive?: boolean;
}

/** The answers: flags, then a terminal's answers to the rest, or the defaults without one. */
async function collectAnswers(
  generators: ServiceGeneratorModule,
  root: string,
  flags: Flags,
  interactive: boolean,
): Promise<Record<string, unknown>> {
  const { serviceGenerator, readRepoCatalog, askQuestions } = generators;
  const questions = serviceGenerator.questions(readRepoCatalog(root));
  if (!interactive) return answersWithoutPrompts(questions, flags);
  return askQuestions(root, questions, bypassFromFlags(questions, flags));
}

/**
 * `npm create @slipway/service`: finds the repository around `cwd`, turns the flags into
 * the service generator's answers (asking for the rest in a terminal unless `--yes`), runs
 * the generator (its plan, applied in one step) and prints what it wrote and the next steps.
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

  // The generator reads the repository (platform.json, every manifest) before it asks: a
  // problem there is refused like a bad answer, before anything is written.
  let generators: ServiceGeneratorModule;
  let answers: Record<string, unknown>;
  try {
    generators = await loadServiceGenerator(root);
    answers = await collectAnswers(generators, root, flags, prompting);
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\nNothing was written.`);
  }

  const progress = flags.json ? stderr : stdout;
  try {
    const report = await generators.runGenerator(generators.serviceGenerator, answers, root, {
      dryRun: flags.dryRun,
      link: flags.install,
      linkOutput: flags.json ? 'stderr' : 'inherit',
      onStep: (step, detail) => progress(`✔ ${step}: ${detail}\n`),
    });
    (flags.json ? stdout : progress)(formatResult(report, { json: flags.json }));
    return 0;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}
