import type { Row } from './figure.ts';

const columns = ['figure', 'metric', 'measured', 'baseline', 'ratio', 'target', ''] as const;

function cells(row: Row): string[] {
  return [
    row.figure,
    row.metric,
    row.subject,
    row.baseline ?? '',
    row.ratio === undefined ? '' : row.ratio.toFixed(2),
    row.target?.text ?? '',
    row.target === undefined ? '' : row.target.met ? 'PASS' : 'MISS',
  ];
}

/**
 * The rows as an aligned text table, then one line counting targets met and missed.
 * @example console.log(formatReport(rows));
 */
export function formatReport(rows: readonly Row[]): string {
  const table = [columns.map(String), ...rows.map(cells)];
  const widths = columns.map((_, i) => Math.max(...table.map((line) => line[i]?.length ?? 0)));
  const lines = table.map((line) =>
    line
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  const targets = rows.flatMap((row) => (row.target ? [row.target] : []));
  const met = targets.filter((target) => target.met).length;
  lines.push('', `targets: ${met} PASS, ${targets.length - met} MISS`);
  return lines.join('\n');
}
