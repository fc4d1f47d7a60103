import {
  type CliSpec,
  optionalString,
  parseCli,
  requireString,
  UsageError,
  writeGithubOutputs,
} from '../cli.js';
import { isCommitSha, parseCommitSha } from '../commit-sha.js';
import { planImages } from '../image-plan.js';
import { readPlatformConfig, resolveRegistry } from '../platform-config.js';
import { listServices } from '../services.js';
import { readWorkspaces } from '../workspaces.js';
import { type CommandContext, rootFrom } from './command-context.js';

/** `plan-images`: the image of every service at a commit, and how to get it. */
export const planImagesSpec: CliSpec = {
  name: 'plan-images',
  summary:
    'Plans the images of a deployment: every service gets <registry>/<service>:<sha>. Changed\n' +
    'services are built; unchanged ones are re-tagged from <registry>/<service>:<base> when that\n' +
    'exists (ensure-image decides). Outputs: matrix (a GitHub Actions matrix: {"include": [...]}),\n' +
    'registry, count.',
  flags: {
    sha: { type: 'string', description: 'The commit being deployed (validated).' },
    base: { type: 'string', description: 'The last deployed commit; empty for a rollback.' },
    changed: {
      type: 'string',
      description: 'JSON array of changed service names (detect-changes).',
      default: '[]',
    },
    registry: {
      type: 'string',
      description: 'Registry override. Default: $IMAGE_REGISTRY, platform.json, ghcr.io/<owner>.',
    },
    root: { type: 'string', description: 'Repository root. Default: this monorepo.' },
  },
};

function parseNames(json: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new UsageError('--changed must be a JSON array of service names');
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
    throw new UsageError('--changed must be a JSON array of service names');
  }
  return parsed;
}

/**
 * Runs `plan-images`.
 * @example planImagesCommand(['--sha', sha, '--base', before, '--changed', '["orders"]'], ctx);
 */
export function planImagesCommand(argv: readonly string[], { env, write }: CommandContext): void {
  const values = parseCli(planImagesSpec, argv, write);
  if (!values) return;
  const root = rootFrom(values.root);
  const sha = parseCommitSha(requireString(values, 'sha'));
  const rawBase = optionalString(values, 'base');
  const base = rawBase && isCommitSha(rawBase) ? parseCommitSha(rawBase, 'base') : undefined;
  const registry = resolveRegistry({
    config: readPlatformConfig(root),
    registryOverride: optionalString(values, 'registry') ?? env.IMAGE_REGISTRY,
    owner: env.GITHUB_REPOSITORY_OWNER,
  });
  const services = listServices(root, readWorkspaces(root));
  const changed = parseNames(String(values.changed));
  const unknown = changed.filter((name) => !services.some((s) => s.name === name));
  if (unknown.length > 0)
    throw new UsageError(`unknown services in --changed: ${unknown.join(', ')}`);
  const plan = planImages({ registry, services, changed, sha, base });
  writeGithubOutputs(
    { matrix: JSON.stringify({ include: plan }), registry, count: String(plan.length) },
    env.GITHUB_OUTPUT,
  );
  write(`${JSON.stringify(plan, null, 2)}\n`);
}
