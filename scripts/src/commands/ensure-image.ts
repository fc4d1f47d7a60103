import {
  type CliSpec,
  optionalString,
  parseCli,
  requireString,
  writeGithubOutputs,
} from '../cli.js';
import { dockerRegistryClient, ensureImage, type RegistryClient } from '../image-action.js';
import { isImmutableImage } from '../stack-config.js';
import type { CommandContext } from './command-context.js';

/** `ensure-image`: makes a service's image exist without building when it can. */
export const ensureImageSpec: CliSpec = {
  name: 'ensure-image',
  summary:
    'For one plan entry: does nothing if --image already exists; re-tags --reuse-from to --image\n' +
    '(registry-side, no rebuild) for an unchanged service whose base image exists; otherwise asks\n' +
    'for a build. Needs `docker login` first. Output: action = present | retag | build.',
  flags: {
    image: { type: 'string', description: 'The image to make exist: <registry>/<service>:<sha>.' },
    build: {
      type: 'string',
      description:
        'true when the service changed: build unless this SHA already has an image, never re-tag.',
      default: 'false',
    },
    'reuse-from': {
      type: 'string',
      description: 'The base commit image of the same service, if any.',
    },
    docker: { type: 'string', description: 'The docker binary.', default: 'docker' },
  },
};

/**
 * Runs `ensure-image`; the registry client is injectable for tests.
 * @example ensureImageCommand(['--image', ref, '--build', 'true'], ctx);
 */
export function ensureImageCommand(
  argv: readonly string[],
  { env, write }: CommandContext,
  client?: RegistryClient,
): void {
  const values = parseCli(ensureImageSpec, argv, write);
  if (!values) return;
  const image = requireString(values, 'image');
  const reuseFrom = optionalString(values, 'reuse-from') ?? '';
  for (const ref of [image, reuseFrom].filter(Boolean)) {
    if (!isImmutableImage(ref)) throw new Error(`${ref} is not tagged with a full commit SHA`);
  }
  const action = ensureImage(
    { image, build: values.build === 'true', reuseFrom },
    client ?? dockerRegistryClient(String(values.docker)),
  );
  writeGithubOutputs({ action }, env.GITHUB_OUTPUT);
  write(`${image}: ${action}\n`);
}
