import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { readPlatformFile } from '@slipway/platform-contract';
import { parseBuiltImages } from '../built-images.ts';
import { type CliSpec, optionalString, parseCli, requireString } from '../cli.ts';
import { parseCommitSha } from '../commit-sha.ts';
import { planDeployImages } from '../deploy-plan.ts';
import { readDeployedImages } from '../deployed-images.ts';
import { resolveRegistry } from '../platform-config.ts';
import {
  imagesConfigKey,
  readPulumiProjectName,
  servicesProgramDir,
  setStackImages,
  stackConfigPath,
} from '../stack-config.ts';
import { chooseStackImages } from '../stack-image-choice.ts';
import { type CommandContext, rootFrom } from './command-context.ts';

/** `set-stack-images`: points a stack at the images of one commit, each pinned by digest. */
export const setStackImagesSpec: CliSpec = {
  name: 'set-stack-images',
  summary:
    'Sets <project>:images in infra/services/Pulumi.<stack>.yaml to\n' +
    '<registry>/<service>:<revision>@sha256:<digest> for every service in the repository, where\n' +
    "revision is the commit that last changed the service as of --sha (plan-images' tags). The\n" +
    'digest is never looked up in the registry (anyone who may push there can move a tag): a\n' +
    "service keeps the image its stack's last deployment recorded (`pulumi config refresh`) when\n" +
    "that is the same revision, so Pulumi leaves it running; otherwise it gets this run's build\n" +
    '(--built). A service with neither fails the deploy. Every other key, secret and comment is\n' +
    'kept. The workflow runs it right before `pulumi`; the change is not committed.',
  flags: {
    stack: { type: 'string', description: 'The stack: dev, staging or prod.' },
    sha: { type: 'string', description: 'The commit whose images to deploy (validated).' },
    built: {
      type: 'string',
      description:
        "The images this run built: toJSON(needs.images.outputs), values <image>@sha256:<digest> from the build step's digest.",
      default: '',
    },
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
    pulumi: {
      type: 'string',
      description: "The pulumi binary, for the stack's last deployed config.",
      default: 'pulumi',
    },
    preview: {
      type: 'string',
      description:
        'true for a pull request preview against its base: a service the base lacks, or that the stack does not run at that revision, keeps an unpinned tag instead of failing.',
      default: 'false',
    },
    root: { type: 'string', description: 'Repository root. Default: this monorepo.' },
  },
};

/**
 * Runs `set-stack-images`.
 * @example setStackImagesCommand(['--stack', 'staging', '--sha', sha, '--built', json], processContext());
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
  const key = String(values.key);
  const file = stackConfigPath(root, stack, program);
  const built = parseBuiltImages(String(values.built));
  const registry = resolveRegistry({
    config: readPlatformFile(root),
    registryOverride: optionalString(values, 'registry') ?? env.IMAGE_REGISTRY,
    owner: env.GITHUB_REPOSITORY_OWNER,
  });
  const preview = values.preview === 'true';
  const plan = planDeployImages({ root, registry, sha, fallback: preview ? sha : undefined });
  const project = readPulumiProjectName(root, program);
  const deployed = readDeployedImages({
    file,
    stack,
    project,
    key,
    pulumi: String(values.pulumi),
  });
  if (deployed.missing) {
    write(`${stack}: no deployed images read (${deployed.missing}); using this run's builds\n`);
  }
  const { images, sources } = chooseStackImages({
    plan,
    built,
    deployed: deployed.images,
    preview,
  });
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, setStackImages(before, { project, images, key }));
  write(`${relative(root, file)}: ${project}:${key} =\n`);
  for (const [service, image] of Object.entries(images)) {
    write(`  ${service}: ${image} (${sources[service]})\n`);
  }
}
