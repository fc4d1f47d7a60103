import { builtImageOutput, builtImageSlots, pinnedImage } from '../built-images.ts';
import { type CliSpec, parseCli, requireString, UsageError, writeGithubOutputs } from '../cli.ts';
import { isImmutableImage } from '../stack-config.ts';
import type { CommandContext } from './command-context.ts';

/** `record-image`: turns one build's digest into the images job's output for its slot. */
export const recordImageSpec: CliSpec = {
  name: 'record-image',
  summary:
    "After one service's build: pins its planned tag to the digest the build step reported and\n" +
    `writes it as the step output image-<slot> (slots 0..${builtImageSlots - 1}, one per service), which the\n` +
    'images job passes on to the deploy jobs. Never asks the registry: a tag there may have moved.',
  flags: {
    image: { type: 'string', description: 'The planned image: <registry>/<service>:<revision>.' },
    digest: {
      type: 'string',
      description: "The build step's digest output (sha256:<64 hex>).",
    },
    slot: { type: 'string', description: "The plan entry's slot." },
  },
};

/**
 * Runs `record-image`.
 * @example recordImageCommand(['--image', ref, '--digest', digest, '--slot', '0'], ctx);
 */
export function recordImageCommand(argv: readonly string[], { env, write }: CommandContext): void {
  const values = parseCli(recordImageSpec, argv, write);
  if (!values) return;
  const image = requireString(values, 'image');
  if (!isImmutableImage(image) || image.includes('@')) {
    throw new UsageError(`--image ${image} is not <registry>/<service>:<full commit sha>`);
  }
  const slotText = requireString(values, 'slot');
  if (!/^\d+$/.test(slotText)) throw new UsageError(`--slot ${slotText} is not a number`);
  const output = builtImageOutput(Number(slotText));
  const pinned = pinnedImage(image, requireString(values, 'digest'));
  writeGithubOutputs({ [output]: pinned }, env.GITHUB_OUTPUT);
  write(`${output}=${pinned}\n`);
}
