import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { readPlatformFile } from '@slipway/platform-contract';
import { type CliSpec, optionalString, parseCli, requireString } from '../cli.js';
import { parseCommitSha } from '../commit-sha.js';
import { planDeployImages } from '../deploy-plan.js';
import { pinImages } from '../image-plan.js';
import { resolveRegistry } from '../platform-config.js';
import { type RegistryCredentials, RegistryError, resolveDigest } from '../registry-digest.js';
import {
  imagesConfigKey,
  readPulumiProjectName,
  servicesProgramDir,
  setStackImages,
  stackConfigPath,
} from '../stack-config.js';
import { type CommandContext, rootFrom } from './command-context.js';

/** `set-stack-images`: points a stack at the images of one commit, pinned by digest. */
export const setStackImagesSpec: CliSpec = {
  name: 'set-stack-images',
  summary:
    'Sets <project>:images in infra/services/Pulumi.<stack>.yaml to\n' +
    '<registry>/<service>:<revision>@sha256:<digest> for every service in the repository, where\n' +
    "revision is the commit that last changed the service as of --sha (plan-images' tags) and the\n" +
    'digest comes from the registry HTTP API (Bearer token flow; $REGISTRY_TOKEN, e.g. a\n' +
    'GITHUB_TOKEN with packages: read, and $REGISTRY_USERNAME, default $GITHUB_ACTOR). Every\n' +
    'other key, secret and comment is kept. An unchanged service gets a byte-identical value, so\n' +
    '`pulumi up` leaves it running. The workflow runs it right before `pulumi`; the change is not\n' +
    'committed.',
  flags: {
    stack: { type: 'string', description: 'The stack: dev, staging or prod.' },
    sha: { type: 'string', description: 'The commit whose images to deploy (validated).' },
    registry: {
      type: 'string',
      description: 'Registry override. Default: $IMAGE_REGISTRY, platform.json, ghcr.io/<owner>.',
    },
    program: {
      type: 'string',
      description: 'The Pulumi program folder.',
      default: servicesProgramDir,
    },
    key: {
      type: 'string',
      description: 'The config key under the project namespace.',
      default: imagesConfigKey,
    },
    preview: {
      type: 'string',
      description:
        'true for a pull request preview against its base: a service the base lacks, or whose image is not in the registry yet, keeps an unpinned tag instead of failing.',
      default: 'false',
    },
    root: { type: 'string', description: 'Repository root. Default: this monorepo.' },
  },
};

function credentialsFrom(env: CommandContext['env']): RegistryCredentials | undefined {
  const password = env.REGISTRY_TOKEN?.trim();
  if (!password) return undefined;
  return {
    username: env.REGISTRY_USERNAME?.trim() || env.GITHUB_ACTOR?.trim() || 'slipway',
    password,
  };
}

/**
 * Runs `set-stack-images`; `fetchImpl` is injectable, though the tests use a real local registry.
 * @example await setStackImagesCommand(['--stack', 'staging', '--sha', sha], processContext());
 */
export async function setStackImagesCommand(
  argv: readonly string[],
  { env, write }: CommandContext,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  const values = parseCli(setStackImagesSpec, argv, write);
  if (!values) return;
  const root = rootFrom(values.root);
  const stack = requireString(values, 'stack');
  const sha = parseCommitSha(requireString(values, 'sha'));
  const program = String(values.program);
  const file = stackConfigPath(root, stack, program);
  const registry = resolveRegistry({
    config: readPlatformFile(root),
    registryOverride: optionalString(values, 'registry') ?? env.IMAGE_REGISTRY,
    owner: env.GITHUB_REPOSITORY_OWNER,
  });
  const credentials = credentialsFrom(env);
  const preview = values.preview === 'true';
  const plan = planDeployImages({ root, registry, sha, fallback: preview ? sha : undefined });
  const images = await pinImages(plan, async (image) => {
    try {
      return await resolveDigest(image, { credentials, fetch: fetchImpl });
    } catch (error) {
      // A preview shows what the pull request's infra does; a missing image must not hide it.
      if (preview && error instanceof RegistryError && /no such tag/.test(error.message)) {
        write(`${image}: not in the registry, left unpinned (preview)\n`);
        return undefined;
      }
      throw error;
    }
  });
  const project = readPulumiProjectName(root, program);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, setStackImages(before, { project, images, key: String(values.key) }));
  write(`${relative(root, file)}: ${project}:${String(values.key)} =\n`);
  for (const [service, image] of Object.entries(images)) write(`  ${service}: ${image}\n`);
}
