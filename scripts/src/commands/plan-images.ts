import { readPlatformFile } from '@slipway/platform-contract';
import { builtImageSlots } from '../built-images.ts';
import {
  type CliSpec,
  optionalString,
  parseCli,
  requireString,
  writeGithubOutputs,
} from '../cli.ts';
import { parseCommitSha } from '../commit-sha.ts';
import { planDeployImages } from '../deploy-plan.ts';
import { resolveRegistry } from '../platform-config.ts';
import { type CommandContext, rootFrom } from './command-context.ts';

/** `plan-images`: the image of every service at a commit. */
export const planImagesSpec: CliSpec = {
  name: 'plan-images',
  summary:
    'Plans the images of a deployment: every service gets <registry>/<service>:<revision>, where\n' +
    'revision is the commit (first-parent history of --sha) that last changed the service, a\n' +
    "workspace it depends on, or a global input. main's images job builds every entry and\n" +
    'fills the output of its slot (record-image). Outputs: matrix (a GitHub Actions matrix:\n' +
    '{"include": [...]}), registry, count.',
  flags: {
    sha: { type: 'string', description: 'The commit being deployed (validated).' },
    registry: {
      type: 'string',
      description: 'Registry override. Default: $IMAGE_REGISTRY, platform.json, ghcr.io/<owner>.',
    },
    root: { type: 'string', description: 'Repository root. Default: this monorepo.' },
  },
};

/**
 * Runs `plan-images`.
 * @example planImagesCommand(['--sha', sha, '--registry', 'ghcr.io/acme'], ctx);
 */
export function planImagesCommand(argv: readonly string[], { env, write }: CommandContext): void {
  const values = parseCli(planImagesSpec, argv, write);
  if (!values) return;
  const root = rootFrom(values.root);
  const sha = parseCommitSha(requireString(values, 'sha'));
  const registry = resolveRegistry({
    config: readPlatformFile(root),
    registryOverride: optionalString(values, 'registry') ?? env.IMAGE_REGISTRY,
    owner: env.GITHUB_REPOSITORY_OWNER,
  });
  const plan = planDeployImages({ root, registry, sha });
  if (plan.length > builtImageSlots) {
    throw new Error(
      `${plan.length} services, but the images job has ${builtImageSlots} output slots: raise builtImageSlots ` +
        'in scripts/src/built-images.ts and declare as many image-<n> outputs in deploy.yml',
    );
  }
  writeGithubOutputs(
    { matrix: JSON.stringify({ include: plan }), registry, count: String(plan.length) },
    env.GITHUB_OUTPUT,
  );
  write(`${JSON.stringify(plan, null, 2)}\n`);
}
