import nodePlop from 'node-plop';
import { readGenArguments } from './gen-arguments.ts';
import { formatGeneratorHelp, formatGeneratorList } from './gen-help.ts';
import type { GeneratorSummary } from './gen-usage.ts';

/** Where {@link genCli} reads the generators from and writes its answers. */
export interface GenCliOptions {
  /** The bundled plopfile, as plop itself loads it. */
  readonly plopfile: string;
  /** The repository root: the generators' destination. */
  readonly root: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether plop can ask what the arguments leave open. Default: stdin is a terminal. */
  readonly interactive?: boolean;
}

/**
 * Answers what `npm run gen` can answer without plop: `--help` (the generator list),
 * `<generator> -- --help`, an unknown generator or option. Returns the exit code, or
 * undefined when plop should run the generator.
 * @example const code = await genCli(process.argv.slice(2), { plopfile, root, stdout, stderr });
 */
export async function genCli(
  args: readonly string[],
  { plopfile, root, stdout, stderr, interactive = process.stdin.isTTY === true }: GenCliOptions,
): Promise<number | undefined> {
  const plop = await nodePlop(plopfile, { destBasePath: root, force: false });
  const generators = plop.getGeneratorList().map(({ name, description }): GeneratorSummary => {
    const prompts = plop.getGenerator(name).prompts;
    const options = (Array.isArray(prompts) ? prompts : []).map((prompt) => ({
      name: String(prompt.name),
      message: typeof prompt.message === 'string' ? prompt.message : '',
      asked: prompt.when !== false,
    }));
    return { name, description, options };
  });
  // Without a terminal plop's questions would crash (readline closed): nothing may be left to ask.
  const request = readGenArguments(args, generators, interactive);
  switch (request.kind) {
    case 'list-help':
      stdout(formatGeneratorList(generators));
      return 0;
    case 'generator-help':
      stdout(formatGeneratorHelp(request.generator));
      return 0;
    case 'error':
      stderr(`✖ ${request.message}\n`);
      return 1;
    case 'run':
      return undefined;
  }
}
