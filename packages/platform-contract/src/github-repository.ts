import { z } from 'zod';

/**
 * The template's own GitHub repository, `<owner>/<name>`: where the `@slipway` packages are
 * published from. `npm run init` records the fork's in `platform.json`.
 */
export const templateRepository = 'slipway/slipway';

/** A GitHub repository as `<owner>/<name>`, the form OIDC subjects and npm provenance name. */
export const githubRepositorySchema = z
  .string()
  .regex(
    /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/,
    "must be a GitHub repository as '<owner>/<name>' (for example 'acme/platform')",
  );

/** A published package's `repository` field: npm provenance refuses a package without it. */
export interface PackageRepository {
  readonly type: 'git';
  /** npm's normal form, `git+https://github.com/<owner>/<name>.git`. */
  readonly url: string;
  /** The package's folder in the repository, e.g. `packages/config`. */
  readonly directory: string;
}

/**
 * The `repository` field of a package published from `repository`: its url must name the
 * repository whose workflow publishes it, or npm refuses the provenance statement (E422).
 * @example packageRepository('acme/platform', 'packages/config').url // 'git+https://github.com/acme/platform.git'
 */
export function packageRepository(repository: string, directory: string): PackageRepository {
  return { type: 'git', url: `git+https://github.com/${repository}.git`, directory };
}

// The forms `git remote get-url` prints for GitHub: scp-like ssh, ssh:// and https.
const githubRemotePattern =
  /^(?:git@github\.com:|ssh:\/\/git@github\.com\/|(?:git\+)?https:\/\/(?:[^@/]+@)?github\.com\/)([^/]+\/[^/]+?)(?:\.git)?\/?$/;

/**
 * The GitHub repository a git remote points at, or undefined for another host.
 * @example githubRepositoryOfRemote('git@github.com:acme/platform.git') // 'acme/platform'
 */
export function githubRepositoryOfRemote(remote: string): string | undefined {
  const slug = githubRemotePattern.exec(remote.trim())?.[1];
  return slug !== undefined && githubRepositorySchema.safeParse(slug).success ? slug : undefined;
}
