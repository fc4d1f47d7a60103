import { describe, expect, it } from 'vitest';
import { burnRateAlerts, burnRateRanges } from './burn-rate-windows.ts';

describe('burnRateRanges', () => {
  it('records exactly the windows the burn-rate alerts read', () => {
    const used = burnRateAlerts.flatMap((a) => a.windows.flatMap((w) => [w.long, w.short]));
    expect([...burnRateRanges].sort()).toEqual([...new Set(used)].sort());
  });
});

describe('burnRateAlerts', () => {
  it.each([
    ['1h', 14.4, 0.02],
    ['6h', 6, 0.05],
    ['1d', 3, 0.1],
    ['3d', 1, 0.1],
  ])(
    'at its rate, the %s window spends the share of a 30-day budget the workbook pages or tickets for',
    (long, rate, share) => {
      const window = burnRateAlerts.flatMap((a) => a.windows).find((w) => w.long === long);
      const hours = { '1h': 1, '6h': 6, '1d': 24, '3d': 72 }[long] ?? 0;
      expect(window?.burnRate).toBe(rate);
      expect((rate * hours) / (30 * 24)).toBeCloseTo(share, 3);
    },
  );
});
