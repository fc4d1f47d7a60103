import { clusterClouds } from '@slipway/platform-contract';

/** What the gen CLI knows of a generator: plop's name and description, and its prompts. */
export interface GeneratorSummary {
  readonly name: string;
  readonly description: string;
  /**
   * Each prompt's name (its flag) and question, in the order plop asks them (positional answers
   * follow it); `asked: false` for a prompt plop skips in this run (its `when` is false).
   */
  readonly options: readonly {
    readonly name: string;
    readonly message: string;
    readonly asked?: boolean;
  }[];
}

/** How `npm run gen` is called, as `--help` prints it. */
export const genUsage = 'npm run gen -- [<generator> [-- --<option> <value> ...]]';

/** The usage line of each generator, as generators/README.md and docs/ show it. */
const usageLines: Readonly<Record<string, string>> = {
  service:
    'npm run gen -- service -- --name <name> [--description <text>] [--port <port>] [--public yes] [--calls <a,b>] [--calledBy <a,b>] [--database <none|postgres>] [--cache yes] [--owner <handle>]',
  'remove-service': 'npm run gen -- remove-service <name> [-- --force-callers]',
  'rename-service': 'npm run gen -- rename-service <old> <new> [-- --replace-data]',
  package: 'npm run gen -- package -- --name <name> [--description <text>]',
  init: `npm run init -- --scope <@scope> --registry <registry> --cloud <${clusterClouds.join('|')}> [--product <name>] [--repository <owner>/<name>]`,
};

/** An example run of each generator, as the README and docs show it. */
const examples: Readonly<Record<string, string>> = {
  service: 'npm create @slipway/service -- --name billing --port 3004 --calls orders --public',
  'remove-service': 'npm run gen -- remove-service billing -- --force-callers',
  'rename-service': 'npm run gen -- rename-service billing invoicing',
  package: 'npm run gen -- package -- --name money --description "Money amounts in minor units."',
  init: 'npm run init -- --scope @acme --registry ghcr.io/acme --cloud aws',
};

/**
 * The usage line of a generator: the documented one, else one built from its options.
 * @example generatorUsage({ name: 'init', ... }) // 'npm run init -- --scope <@scope> --registry <registry> --cloud <aws|gcp|azure> [--product <name>] [--repository <owner>/<name>]'
 */
export function generatorUsage(generator: GeneratorSummary): string {
  const flags = generator.options.map((o) => `[--${o.name} <value>]`).join(' ');
  return usageLines[generator.name] ?? `npm run gen -- ${generator.name} -- ${flags}`.trimEnd();
}

/**
 * An example run of a generator, or undefined when none is documented.
 * @example generatorExample('package') // 'npm run gen -- package -- --name money ...'
 */
export function generatorExample(name: string): string | undefined {
  return examples[name];
}

/**
 * The command that shows a generator's options, for "see --help" hints.
 * @example generatorHelpCommand('init') // 'npm run init -- --help'
 */
export function generatorHelpCommand(name: string): string {
  return name === 'init' ? 'npm run init -- --help' : `npm run gen -- ${name} -- --help`;
}
