import { describe, expect, it } from 'vitest';
import { formatReport } from './report.ts';

describe('formatReport', () => {
  it('aligns the columns, marks each target PASS or MISS and counts them', () => {
    const report = formatReport([
      {
        figure: 'livez',
        metric: 'throughput',
        subject: '9000 req/s',
        baseline: '10000 req/s',
        ratio: 0.9,
        target: { text: '≥ 0.80', met: true },
      },
      { figure: 'livez', metric: 'RSS', subject: '90 MB', target: { text: '< 80 MB', met: false } },
      { figure: 'livez', metric: 'p99', subject: '2 ms' },
    ]);
    const lines = report.split('\n');
    expect(lines[0]).toMatch(/^figure\s+metric\s+measured\s+baseline\s+ratio\s+target$/);
    expect(lines[2]).toMatch(/throughput\s+9000 req\/s\s+10000 req\/s\s+0\.90\s+≥ 0\.80\s+PASS$/);
    expect(lines[3]).toMatch(/RSS\s+90 MB\s+< 80 MB\s+MISS$/);
    expect(lines.at(-1)).toBe('targets: 1 PASS, 1 MISS');
  });
});
