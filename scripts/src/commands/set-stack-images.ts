import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { type CliSpec, optionalString, parseCli, requireString } from '../cli.js';
import { parseCommitSha } from '../commit-sha.js';
import { imagesAt } from '../image-plan.js';
import { readPlatformConfig, resolveRegistry } from '../platform-config.js';
import { listServices } from '../services.js';
import {
  imagesConfigKey,
  readPulumiProjectName,
  servicesProgramDir,
  setStackImages,
  stackConfigPath,
} from '../stack-config.js';
import { readWorkspaces } from '../workspaces.js';
import { type CommandContext, rootFrom } from './command-context.js';

/** `set-stack-images`: points a stack at the images of one commit. */
export const setStackImagesSpec: CliSpec = {
  name: 'set-stack-images',
  summary:
    'Sets <project>:images in infra/services/Pulumi.<stack>.yaml to <registry>/<service>:<sha> for\n' +
    'every service in the repository, keeping every other key, secret and comment. The workflow\n' +
    'runs it right before `pulumi up`; the change is not committed (the images of a deployment are\n' +
    'named by its commit, so the SHA is the record).',
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
    root: { type: 'string', description: 'Repository root. Default: this monorepo.' },
  },
};

/**
 * Runs `set-stack-images`.
 * @example setStackImagesCommand(['--stack', 'staging', '--sha', sha], processContext());
 */
export function setStackImagesCommand(
  argv: readonly string[],
  { env, write }: CommandContext,
): void {
  const values = parseCli(setStackImagesSpec, argv, write);
  if (!values) return;
  const root = rootFrom(values.root);
  const stack = requireString(values, 'stack');
  const sha = parseCommitSha(requireString(values, 'sha'));
  const program = String(values.program);
  const file = stackConfigPath(root, stack, program);
  const registry = resolveRegistry({
    config: readPlatformConfig(root),
    registryOverride: optionalString(values, 'registry') ?? env.IMAGE_REGISTRY,
    owner: env.GITHUB_REPOSITORY_OWNER,
  });
  const images = imagesAt(registry, listServices(root, readWorkspaces(root)), sha);
  const project = readPulumiProjectName(root, program);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, setStackImages(before, { project, images, key: String(values.key) }));
  write(`${relative(root, file)}: ${project}:${String(values.key)} =\n`);
  for (const [service, image] of Object.entries(images)) write(`  ${service}: ${image}\n`);
}
