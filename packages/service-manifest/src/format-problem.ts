import type { ManifestProblem } from './manifest-problem.ts';

/**
 * Renders one problem as a compiler does: the file, service and field with the message, then
 * `--> file:line:column` and the offending line with a caret under the part at fault.
 * @example formatProblem({ service: 'orders', file: 'apps/orders/service.yaml', field: 'port', message: "expected number, got string 'abc'" })
 */
export function formatProblem(problem: ManifestProblem): string {
  const { file, service, field, message, location } = problem;
  const head = `${file}: service '${service}'${field ? `, field '${field}'` : ''}: ${message}`;
  if (!location) return head;
  const number = String(location.line);
  const gutter = ' '.repeat(number.length);
  const lineText = location.lineText.replaceAll('\t', ' ');
  const caret = `${' '.repeat(location.column - 1)}${'^'.repeat(location.length)}`;
  return [
    head,
    `${gutter} --> ${file}:${location.line}:${location.column}`,
    `${gutter} |`,
    `${number} | ${lineText}`,
    `${gutter} | ${caret}`,
  ].join('\n');
}
