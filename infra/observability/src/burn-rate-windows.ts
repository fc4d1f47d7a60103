import type { AlertSeverity } from '@slipway/platform-contract';

/**
 * One multi-window burn-rate condition: the error ratio over the long window AND over the short
 * one both exceed `burnRate` times the error budget. The long window says the budget is really
 * burning; the short one lets the alert stop soon after the burning does.
 */
interface BurnRateWindow {
  readonly long: string;
  readonly short: string;
  /** How many times faster than "exactly the budget over the objective's window" errors come. */
  readonly burnRate: number;
}

/** What a burn-rate alert is for: acted on now, or in working hours. */
export interface BurnRateAlert {
  /** Part of the alert's name: `Fast` or `Slow`. */
  readonly speed: 'Fast' | 'Slow';
  /** Its severity in prod; elsewhere every alert is a ticket. */
  readonly severity: AlertSeverity;
  /** Either condition fires the alert. */
  readonly windows: readonly BurnRateWindow[];
}

/**
 * The Google SRE workbook's recommended multi-window, multi-burn-rate alerts for a 30-day
 * objective (chapter 5, "Alerting on SLOs", table 5-8): page when 2 % of the month's budget goes
 * in an hour or 5 % in six hours, open a ticket when 10 % goes in a day or in three days.
 * @example burnRateAlerts[0].windows[0] // { long: '1h', short: '5m', burnRate: 14.4 }
 */
export const burnRateAlerts: readonly BurnRateAlert[] = [
  {
    speed: 'Fast',
    severity: 'page',
    windows: [
      { long: '1h', short: '5m', burnRate: 14.4 },
      { long: '6h', short: '30m', burnRate: 6 },
    ],
  },
  {
    speed: 'Slow',
    severity: 'ticket',
    windows: [
      { long: '1d', short: '2h', burnRate: 3 },
      { long: '3d', short: '6h', burnRate: 1 },
    ],
  },
];

/**
 * Every window a burn-rate alert reads, short ones first: each gets a recording rule.
 * @example burnRateRanges // ['5m', '30m', '1h', '2h', '6h', '1d', '3d']
 */
export const burnRateRanges: readonly string[] = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'];
