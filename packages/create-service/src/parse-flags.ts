import { Command, CommanderError, Option } from 'commander';

/** The command-line flags, as parsed; what is not given stays undefined. */
export interface Flags {
  readonly name?: string;
  readonly description?: string;
  readonly port?: string;
  readonly public?: boolean;
  readonly calls?: string;
  readonly calledBy?: string;
  readonly owner?: string;
  readonly database?: string;
  readonly cache?: boolean;
  readonly yes: boolean;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly install: boolean;
}

/** The outcome of parsing: flags to run with, or an exit code (after `--help` or a usage error). */
export type ParsedFlags = { readonly flags: Flags } | { readonly exitCode: number };

/** Where the CLI writes; tests capture both. */
export interface Output {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const examples = `
Examples:
  npm create @slipway/service -- --name billing --port 3004 --calls orders --public
  npm create @slipway/service -- --name ledger --database postgres --cache --called-by gateway
  npm create @slipway/service                      (asks for each answer)
  npm create @slipway/service -- --name billing --yes --dry-run --json

Run it anywhere inside the repository. Nothing is written unless every answer is valid;
then it writes apps/<name> (with a typed client of each service it calls), updates the
manifests of the services it calls and is called by (and the config and clients of its callers),
links the workspace (npm install --offline) and prints the next steps. Exit code 0 on
success, 1 when it refuses or fails.
`;

/** How people run this CLI, as the docs show it. */
const usageCommand = 'npm create @slipway/service';

function createProgram(output: Output): Command {
  return new Command('create-service')
    .usage(`[options]   (${usageCommand} -- [options])`)
    .description(
      'Scaffolds a service into apps/<name> of the Slipway repository around the current folder:\na Hono app on the service kit, config, health checks, tests, build and its service.yaml.',
    )
    .option(
      '--name <name>',
      "service name: a DNS-1123 label such as 'billing' (required with --yes)",
    )
    .option('--description <text>', "one-line description (default: 'The <name> service.')")
    .option('--port <port>', 'port, unique among the services (default: the next free one)')
    .option('--public', 'reachable from the internet through the gateway (default: internal)')
    .option('--calls <services>', 'comma-separated services it calls, e.g. orders,users')
    .option('--called-by <services>', 'comma-separated services that call it')
    .option(
      '--database <engine>',
      "'postgres': Drizzle on PostgreSQL (PGlite locally), migrations at start-up (default: none)",
    )
    .option(
      '--cache',
      'its own cache: Valkey/Redis in a cluster, an in-process engine locally (default: none)',
    )
    .option('--owner <handle>', 'owning team, added to .github/CODEOWNERS, e.g. @acme/payments')
    .option('-y, --yes', 'never prompt: every answer not given takes its default')
    .option('--dry-run', 'print the files it would write and change, write nothing')
    .option('--json', 'print the result as JSON on stdout (progress on stderr); never prompts')
    .addOption(new Option('--no-install', 'write the files but skip npm install (link them later)'))
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', examples)
    .showHelpAfterError(`(see --help: ${usageCommand} -- --help)`)
    .allowExcessArguments(false)
    .configureHelp({ helpWidth: 100 })
    .exitOverride()
    .configureOutput({ writeOut: output.stdout, writeErr: output.stderr });
}

/**
 * Parses the CLI's arguments (without `node` and the script).
 * @example parseFlags(['--name', 'billing', '--yes'], output) // { flags: { name: 'billing', yes: true, ... } }
 */
export function parseFlags(args: readonly string[], output: Output): ParsedFlags {
  const program = createProgram(output);
  try {
    program.parse([...args], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { exitCode: error.exitCode === 0 ? 0 : 1 };
  }
  const options = program.opts<Partial<Flags>>();
  return {
    flags: {
      ...options,
      yes: options.yes === true,
      dryRun: options.dryRun === true,
      json: options.json === true,
      install: options.install !== false,
    },
  };
}
