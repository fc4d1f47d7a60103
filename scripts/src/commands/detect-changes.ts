import { type CliSpec, optionalString, parseCli, writeGithubOutputs } from '../cli.ts';
import { detectChangedServices } from '../detect-changes.ts';
import { type CommandContext, rootFrom } from './command-context.ts';

/** `detect-changes`: which services changed between two commits. */
export const detectChangesSpec: CliSpec = {
  name: 'detect-changes',
  summary:
    'Lists the services whose image a change affects: a file in the service, in any workspace it\n' +
    'depends on (package.json dependencies, transitively), or in a global input (root manifests,\n' +
    'lockfile, docker/, turbo.json globalDependencies). Docs, workflows and infra select none.\n' +
    'Without a usable --base (empty, all zeros, unknown to the clone) every service is selected.\n' +
    'Outputs: changed and services (JSON arrays of service names), mode.',
  flags: {
    base: { type: 'string', description: 'The last deployed commit (github.event.before).' },
    head: { type: 'string', description: 'The commit being deployed.', default: 'HEAD' },
    root: { type: 'string', description: 'Repository root. Default: this monorepo.' },
  },
};

/**
 * Runs `detect-changes`.
 * @example detectChanges(['--base', before, '--head', sha], processContext());
 */
export function detectChanges(argv: readonly string[], { env, write }: CommandContext): void {
  const values = parseCli(detectChangesSpec, argv, write);
  if (!values) return;
  const result = detectChangedServices({
    root: rootFrom(values.root),
    base: optionalString(values, 'base'),
    head: String(values.head),
  });
  writeGithubOutputs(
    {
      changed: JSON.stringify(result.changed),
      services: JSON.stringify(result.services),
      mode: result.mode,
    },
    env.GITHUB_OUTPUT,
  );
  write(
    `${JSON.stringify({ mode: result.mode, changed: result.changed, services: result.services, reasons: result.reasons }, null, 2)}\n`,
  );
}
