import { cloudNames, readPlatformFile } from '@slipway/platform-contract';
import { type CliSpec, optionalString, parseCli, writeGithubOutputs } from '../cli.ts';
import { cloudVariable, registryVariable, resolveDeliverySettings } from '../platform-config.ts';
import { type CommandContext, rootFrom } from './command-context.ts';

/** `platform`: prints the registry and cloud the workflows use. */
export const platformSpec: CliSpec = {
  name: 'platform',
  summary:
    'Decides the image registry and the cloud for the delivery workflows from platform.json, the\n' +
    `${registryVariable} and ${cloudVariable} repository variables (which win), and GITHUB_REPOSITORY_OWNER\n` +
    '(registry default ghcr.io/<owner>). Outputs: registry, registry-host, cloud.',
  flags: {
    registry: { type: 'string', description: `Registry override. Default: $${registryVariable}.` },
    cloud: {
      type: 'string',
      description: `Cloud override (${cloudNames.join('|')}). Default: $${cloudVariable}.`,
    },
    root: { type: 'string', description: 'Repository root. Default: this monorepo.' },
  },
};

/**
 * Runs `platform`.
 * @example platform([], processContext());
 */
export function platform(argv: readonly string[], { env, write }: CommandContext): void {
  const values = parseCli(platformSpec, argv, write);
  if (!values) return;
  const settings = resolveDeliverySettings({
    config: readPlatformFile(rootFrom(values.root)),
    registryOverride: optionalString(values, 'registry') ?? env[registryVariable],
    cloudOverride: optionalString(values, 'cloud') ?? env[cloudVariable],
    owner: env.GITHUB_REPOSITORY_OWNER,
  });
  const outputs = {
    registry: settings.registry,
    'registry-host': settings.registryHost,
    cloud: settings.cloud,
  };
  writeGithubOutputs(outputs, env.GITHUB_OUTPUT);
  write(`${JSON.stringify(outputs)}\n`);
}
