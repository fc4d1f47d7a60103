/**
 * What a service promises its callers, and how the platform alerts when it breaks the promise:
 * the manifest's `objectives` (validated by `@slipway/service-manifest`), the alert rules and
 * dashboards generated from them (`@slipway/infra-observability`) and the platform's alert routing
 * all read these. docs/observability.md explains the method (the Google SRE workbook's
 * multi-window, multi-burn-rate alerts).
 */

/**
 * The objectives of a service whose manifest declares none, and of each field it leaves out:
 * 99.9 % of requests answered without a 5xx, and 99 % of them within 500 ms.
 * @example objectiveDefaults.latency.thresholdMs // 500
 */
export const objectiveDefaults = {
  /** Percent of requests answered without a server error (status 5xx). */
  availability: 99.9,
  /** `percentile` percent of requests are answered within `thresholdMs`. */
  latency: { percentile: 99, thresholdMs: 500 },
} as const;

/**
 * The bounds a manifest's objectives must stay within. Below 90 % an objective pages for nothing
 * useful; above 99.999 % a 30-day error budget is under 30 seconds, less than one bad rollout.
 * @example objectiveBounds.availability // { min: 90, max: 99.999 }
 */
export const objectiveBounds = {
  availability: { min: 90, max: 99.999 },
  latencyPercentile: { min: 50, max: 99.99 },
} as const;

/** The period an objective is measured over, which the error budget is a share of. */
export const objectiveWindowDays = 30;

/**
 * The upper bounds (in ms) of the service kit's request duration histogram
 * (`http_request_duration_seconds`, prom-client's default buckets). A latency objective's
 * threshold must be one of them: the share of slow requests is read from the bucket at the
 * threshold, exactly, never interpolated.
 * @example latencyBucketsMs.includes(250) // true
 */
export const latencyBucketsMs = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] as const;

/**
 * The `severity` label of every alert the platform generates, which the alert routing reads:
 * `page` wakes someone now (fast error budget burn in prod), `ticket` waits for working hours.
 * @example alertSeverities.page // 'page'
 */
export const alertSeverities = { page: 'page', ticket: 'ticket' } as const;

/** One of the values of {@link alertSeverities}. */
export type AlertSeverity = (typeof alertSeverities)[keyof typeof alertSeverities];
