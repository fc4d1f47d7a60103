import type { PreviewUpResult } from './preview-operations.ts';

/** The first line of the preview's pull request comment: the workflow finds its comment by it and edits it. */
const previewCommentMarker = '<!-- preview-environment -->';

/**
 * The pull request comment that names a preview's URLs: each service, where its image came
 * from, its public URL (public services) or in-cluster URL, and when the preview expires.
 * @example previewComment(result).startsWith(previewCommentMarker) // true
 */
export function previewComment(result: PreviewUpResult): string {
  const rows = Object.entries(result.services)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([name, service]) =>
        `| ${name} | ${service.from} | ${service.publicUrl ?? `\`${service.url ?? ''}\` (in-cluster)`} |`,
    );
  return [
    previewCommentMarker,
    `### Preview environment \`${result.namespace}\``,
    '',
    '| service | image | URL |',
    '| --- | --- | --- |',
    ...rows,
    '',
    `Expires ${result.expiresAt} (each push moves it); removed when the pull request closes. See docs/deploying/previews.md.`,
    '',
  ].join('\n');
}
