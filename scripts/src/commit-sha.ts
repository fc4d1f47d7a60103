/** A full Git commit SHA-1: 40 lowercase hex characters. */
export type CommitSha = string & { readonly __brand: 'CommitSha' };

const commitShaPattern = /^[0-9a-f]{40}$/;

/** The "no commit" SHA GitHub sends as `before` when a push creates a branch. */
export const nullSha = '0'.repeat(40);

/** Thrown when a value is not a full commit SHA. */
export class InvalidShaError extends Error {
  override readonly name = 'InvalidShaError';
}

/**
 * Whether a value is a full 40-character hex commit SHA (either case).
 * @example isCommitSha('3f786850e387550fdab836ed7e6dc881de23001b') // true
 */
export function isCommitSha(value: string): boolean {
  return commitShaPattern.test(value.toLowerCase());
}

/**
 * Validates untrusted input (a workflow_dispatch field, an event payload) as a full commit SHA
 * and returns it lowercased. Short SHAs, branch names and anything with spaces or shell
 * characters are refused, so the value is safe to pass to git and to use in image tags.
 * @throws InvalidShaError naming what was wrong.
 * @example const sha = parseCommitSha(process.env.INPUT_SHA ?? '');
 */
export function parseCommitSha(value: string, label = 'sha'): CommitSha {
  const trimmed = value.trim();
  if (!isCommitSha(trimmed)) {
    const shown = trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed;
    throw new InvalidShaError(
      `${label} must be a full 40-character hexadecimal commit SHA, got ${JSON.stringify(shown)}`,
    );
  }
  return trimmed.toLowerCase() as CommitSha;
}
