import type { StackResult } from '../../src/pulumi/stack-request.ts';

/**
 * True when an operation changed nothing: resources were compared and found the same, and no
 * other operation has a count. An empty summary (nothing compared at all) is not "no changes".
 * @example changedNothing({ changes: { same: 12 } }) // true; changedNothing({ changes: {} }) // false
 */
export function changedNothing({ changes }: Pick<StackResult, 'changes'>): boolean {
  return (
    (changes.same ?? 0) > 0 &&
    Object.entries(changes).every(([kind, count]) => kind === 'same' || count === 0)
  );
}
