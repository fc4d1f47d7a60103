import { type CliSpec, parseCli, requireString, writeGithubOutputs } from '../cli.js';
import { dockerRegistryClient, ensureImage, type RegistryClient } from '../image-action.js';
import { isImmutableImage } from '../stack-config.js';
import type { CommandContext } from './command-context.js';

/** `ensure-image`: says whether a service's image must be built. */
export const ensureImageSpec: CliSpec = {
  name: 'ensure-image',
  summary:
    'For one plan entry: does nothing if --image (tagged with the commit that last changed the\n' +
    'service) already exists, otherwise asks for a build. Needs `docker login` first.\n' +
    'Output: action = present | build.',
  flags: {
    image: {
      type: 'string',
      description: 'The image to make exist: <registry>/<service>:<revision>.',
    },
    docker: { type: 'string', description: 'The docker binary.', default: 'docker' },
  },
};

/**
 * Runs `ensure-image`; the registry client is injectable for tests.
 * @example ensureImageCommand(['--image', ref], ctx);
 */
export function ensureImageCommand(
  argv: readonly string[],
  { env, write }: CommandContext,
  client?: RegistryClient,
): void {
  const values = parseCli(ensureImageSpec, argv, write);
  if (!values) return;
  const image = requireString(values, 'image');
  if (!isImmutableImage(image)) throw new Error(`${image} is not tagged with a full commit SHA`);
  const action = ensureImage({ image }, client ?? dockerRegistryClient(String(values.docker)));
  writeGithubOutputs({ action }, env.GITHUB_OUTPUT);
  write(`${image}: ${action}\n`);
}
