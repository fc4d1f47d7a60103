import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type Cloud, cloudNames } from './clouds.ts';
import { githubRepositorySchema, templateRepository } from './github-repository.ts';
import { repositoryFiles } from './repository.ts';

/** An npm scope as package names use it: `@acme`. */
export const scopeSchema = z
  .string()
  .regex(
    /^@[a-z0-9][a-z0-9._-]{0,49}$/,
    "must be '@' then lowercase letters, digits, '-', '.' or '_' (for example '@acme')",
  );

// A registry host (with a dot or a port, or localhost, as Docker requires to tell it from a
// path) and lowercase path components separated as in Docker's reference grammar.
const registryPattern =
  /^(localhost|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+)(:\d{1,5})?(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$/;

/** The placeholder of the template's registry, replaced by the repository's owner in CI. */
export const ownerPlaceholder = '<owner>';

/**
 * Whether a text is an image registry path (host, optional port, optional lowercase path).
 * @example isRegistry('ghcr.io/acme') // true
 */
export function isRegistry(registry: string): boolean {
  return registryPattern.test(registry);
}

// An absent field takes the template's value, so a fork that has not run init yet (or a test
// fixture that sets one field) reads the same as the template.
const platformFileSchema = z.strictObject({
  /** The npm scope of every shared package (`@slipway/config`). */
  scope: scopeSchema.default('@slipway'),
  /** Where CI pushes service images: `<registry>/<service>:<tag>`; may hold `<owner>`. */
  registry: z.string().min(1).default(`ghcr.io/${ownerPlaceholder}`),
  /** The cloud whose cluster program deploys the platform, or `none`. */
  cloud: z.enum(cloudNames as [Cloud, ...Cloud[]]).default('aws'),
  /** The GitHub repository, `<owner>/<name>`, that publishes the packages (their `repository`). */
  repository: githubRepositorySchema.default(templateRepository),
  /** True once `npm run init` has made this repository a company's own platform. */
  initialized: z.boolean().default(false),
});

/** The contents of `platform.json`: whose platform this is. */
export type PlatformFile = z.output<typeof platformFileSchema>;

/** Thrown when `platform.json` is not valid; the message names the file and each field. */
export class PlatformFileError extends Error {
  override readonly name = 'PlatformFileError';
}

/**
 * The template's own settings, before `npm run init`: CI replaces `<owner>` with the
 * repository's owner, so an uninitialized fork pushes to its own GHCR namespace.
 * @example templatePlatformFile.registry // 'ghcr.io/<owner>'
 */
export const templatePlatformFile: PlatformFile = platformFileSchema.parse({});

/**
 * Checks a parsed `platform.json`.
 * @throws PlatformFileError naming each invalid field.
 * @example parsePlatformFile({ scope: '@acme', registry: 'ghcr.io/acme', cloud: 'aws' })
 */
export function parsePlatformFile(json: unknown): PlatformFile {
  const result = platformFileSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (i) => `${i.path.join('.') || 'top level'}: ${i.message}`,
  );
  throw new PlatformFileError(
    `${repositoryFiles.platform} is invalid: ${problems.join('; ')}. Fix it first.`,
  );
}

/**
 * Reads `platform.json` at the repository root; the template's settings when it is absent.
 * @throws PlatformFileError when it is not JSON or not valid.
 * @example const { scope, cloud } = readPlatformFile(repoRoot);
 */
export function readPlatformFile(root: string): PlatformFile {
  const file = join(root, repositoryFiles.platform);
  if (!existsSync(file)) return templatePlatformFile;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PlatformFileError(
      `${repositoryFiles.platform} is not valid JSON (${(error as Error).message}): fix it`,
    );
  }
  return parsePlatformFile(json);
}

/**
 * `platform.json` as written to disk: two-space JSON, fields in schema order, a final newline.
 * @example writeFileSync('platform.json', formatPlatformFile(config))
 */
export function formatPlatformFile(config: PlatformFile): string {
  const { scope, registry, cloud, repository, initialized } = config;
  return `${JSON.stringify({ scope, registry, cloud, repository, initialized }, null, 2)}\n`;
}
