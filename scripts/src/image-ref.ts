import type { CommitSha } from './commit-sha.ts';

/**
 * The image reference of one service at one commit: `<registry>/<service>:<sha>`. The full
 * commit SHA is the tag, so a tag names one set of inputs (no `latest`). Tags can be pushed
 * again by anyone who may write the registry, so deploys pin the digest their build reported.
 * @example imageReference('ghcr.io/acme', 'orders', sha) // 'ghcr.io/acme/orders:3f78…001b'
 */
export function imageReference(registry: string, service: string, sha: CommitSha): string {
  return `${registry}/${service}:${sha}`;
}
