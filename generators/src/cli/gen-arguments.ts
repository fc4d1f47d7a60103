import { closestName } from './closest-name.ts';
import { type GeneratorSummary, generatorHelpCommand, generatorUsage } from './gen-usage.ts';

/** What `npm run gen` was asked to do. */
export type GenRequest =
  | { readonly kind: 'list-help' }
  | { readonly kind: 'generator-help'; readonly generator: GeneratorSummary }
  | { readonly kind: 'run' }
  | { readonly kind: 'error'; readonly message: string };

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

/**
 * Reads `npm run gen`'s arguments (`[<generator> [<answer> ...] [-- --<option> <value> ...]]`)
 * before plop sees them: help, an unknown generator or option (each error says where to look),
 * or a run for plop.
 * @example readGenArguments(['package', '--', '--nme', 'x'], generators) // { kind: 'error', message: "Unknown option '--nme' ..." }
 */
export function readGenArguments(
  args: readonly string[],
  generators: readonly GeneratorSummary[],
  interactive = true,
): GenRequest {
  const [name, ...rest] = args;
  if (name === undefined) {
    if (interactive) return { kind: 'run' };
    const names = generators.map((g) => g.name).join(', ');
    return {
      kind: 'error',
      message: `Nothing can be asked without a terminal: name the generator, one of ${names}, as in npm run gen -- package -- --name money (see npm run gen -- --help).`,
    };
  }
  if (isHelp(name)) return { kind: 'list-help' };
  if (name.startsWith('-'))
    return { kind: 'error', message: `Unknown option '${name}' (see npm run gen -- --help).` };
  const generator = generators.find((g) => g.name === name);
  if (!generator) {
    const names = generators.map((g) => g.name).join(', ');
    return {
      kind: 'error',
      message: `There is no generator '${name}': choose one of ${names} (see npm run gen -- --help).`,
    };
  }
  if (rest.some(isHelp)) return { kind: 'generator-help', generator };
  const help = generatorHelpCommand(name);
  const separator = rest.indexOf('--');
  const positional = separator === -1 ? rest : rest.slice(0, separator);
  const misplaced = positional.find((arg) => arg.startsWith('-'));
  if (misplaced)
    return {
      kind: 'error',
      message: `Options of the ${name} generator come after '--', as in ${generatorUsageHint(name)} (see ${help}).`,
    };
  const known = new Set(generator.options.map((o) => o.name));
  const flags = separator === -1 ? [] : rest.slice(separator + 1);
  for (const flag of flags.filter((arg) => arg.startsWith('--'))) {
    const option = flag.slice(2).split('=')[0] ?? '';
    if (!known.has(option)) {
      const valid = [...known].map((o) => `--${o}`).join(', ');
      const meant = closestName(option, [...known]);
      return {
        kind: 'error',
        message: `Unknown option '${flag}' for the ${name} generator${meant ? ` (did you mean --${meant}?)` : ''}: it takes ${valid} (see ${help}).`,
      };
    }
  }
  const missing = interactive ? [] : unanswered(generator, positional, flags);
  if (missing.length > 0) {
    const list = missing.map((o) => `--${o.name} (${o.message.replace(/:$/, '')})`).join(', ');
    return {
      kind: 'error',
      message: `Nothing can be asked without a terminal, and the ${name} generator still needs ${list}: pass ${missing.length === 1 ? 'it' : 'them'}, as in ${generatorUsage(generator)} (see ${help})${name === 'service' ? '; npm create @slipway/service -- --name <name> --yes takes the defaults of the rest' : ''}.`,
    };
  }
  return { kind: 'run' };
}

/**
 * The options plop would still ask: answered neither by position (`<answer>`s follow the
 * order of the questions) nor as `--<option>`, and not skipped in this run.
 */
function unanswered(
  generator: GeneratorSummary,
  positional: readonly string[],
  flags: readonly string[],
) {
  const named = new Set(
    flags.filter((f) => f.startsWith('--')).map((f) => f.slice(2).split('=')[0]),
  );
  return generator.options.filter(
    (option, index) =>
      option.asked !== false &&
      (positional[index] === undefined || positional[index] === '_') &&
      !named.has(option.name),
  );
}

function generatorUsageHint(name: string): string {
  return name === 'init' ? 'npm run init -- --scope @acme' : `npm run gen -- ${name} -- --name x`;
}
