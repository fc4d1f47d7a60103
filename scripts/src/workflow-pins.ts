/** One broken workflow rule. */
export interface WorkflowProblem {
  readonly file: string;
  readonly rule: string;
  readonly message: string;
}

const shaRef = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[^@\s]+)?@[0-9a-f]{40}$/;
const versionComment = /#\s*v\d+\.\d+\.\d+\b/;

/**
 * Checks every `uses:` line of a workflow or action file: a published action pinned to a full
 * commit SHA with a `# vX.Y.Z` comment, a `docker://` image pinned by digest; local paths pass.
 * Raw lines, because YAML parsing drops the comments that carry the pinned version.
 * @example checkPinnedActions(text, '.github/actions/setup/action.yml') // []
 */
export function checkPinnedActions(text: string, file: string): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const report = (message: string) => problems.push({ file, rule: 'pinned-actions', message });
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const match = /^\s*(?:-\s+)?uses:\s*['"]?([^'"\s#]+)['"]?(.*)$/.exec(line);
    if (!match) continue;
    const ref = match[1] ?? '';
    if (ref.startsWith('./')) continue;
    if (ref.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(ref)) {
        report(`line ${index + 1}: ${ref} must be pinned by digest`);
      }
      continue;
    }
    if (!shaRef.test(ref)) {
      report(`line ${index + 1}: ${ref} must be pinned to a full 40-character commit SHA`);
    } else if (!versionComment.test(match[2] ?? '')) {
      report(`line ${index + 1}: ${ref} needs a \`# vX.Y.Z\` comment naming its release`);
    }
  }
  return problems;
}
