import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The clouds a fork can deploy to, each with its cluster program under `infra/`.
 * @example clusterPrograms.gcp // 'infra/cluster-gke'
 */
export const clusterPrograms = {
  aws: 'infra/cluster-eks',
  gcp: 'infra/cluster-gke',
  azure: 'infra/cluster-aks',
} as const;

export type Cloud = keyof typeof clusterPrograms;
export const clouds = Object.keys(clusterPrograms) as Cloud[];

/**
 * The root file that says whose platform this is; CI and infra read it too.
 * @example readFileSync(join(repoRoot, platformConfigFile), 'utf8')
 */
export const platformConfigFile = 'platform.json';

/** An npm scope as package names use it: `@acme`. */
export const scopeSchema = z
  .string()
  .regex(
    /^@[a-z0-9][a-z0-9._-]{0,49}$/,
    "must be '@' then lowercase letters, digits, '-', '.' or '_' (for example '@acme')",
  );

const platformConfigSchema = z.strictObject({
  /** The npm scope of every shared package (`@slipway/config`). */
  scope: scopeSchema,
  /** Where CI pushes service images: `<registry>/<service>:<tag>`. */
  registry: z.string().min(1),
  /** The cloud whose cluster program (`infra/cluster-*`) deploys the platform. */
  cloud: z.enum(clouds as [Cloud, ...Cloud[]]),
  /** True once `npm run init` has made this repository a company's own platform. */
  initialized: z.boolean().default(false),
});

/** The contents of `platform.json`. */
export type PlatformConfig = z.output<typeof platformConfigSchema>;

/**
 * The template's own settings, before `npm run init`. CI replaces `<owner>` with the
 * repository's owner, so an uninitialized fork pushes to its own GHCR namespace.
 * @example defaultPlatformConfig.registry // 'ghcr.io/<owner>'
 */
export const defaultPlatformConfig: PlatformConfig = {
  scope: '@slipway',
  registry: 'ghcr.io/<owner>',
  cloud: 'aws',
  initialized: false,
};

/**
 * Reads `platform.json` at the repository root; the template defaults when it is absent.
 * @throws Error naming the file and each invalid field.
 * @example const { scope } = readPlatformConfig(repoRoot);
 */
export function readPlatformConfig(root: string): PlatformConfig {
  const file = join(root, platformConfigFile);
  if (!existsSync(file)) return defaultPlatformConfig;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `${platformConfigFile} is not valid JSON (${(error as Error).message}): fix it`,
    );
  }
  const result = platformConfigSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map(
      (i) => `${i.path.join('.') || 'top level'}: ${i.message}`,
    );
    throw new Error(`${platformConfigFile} is invalid: ${problems.join('; ')}. Fix it first.`);
  }
  return result.data;
}

/**
 * `platform.json` as written to disk: two-space JSON and a final newline.
 * @example writeFileSync('platform.json', formatPlatformConfig(config))
 */
export function formatPlatformConfig(config: PlatformConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
