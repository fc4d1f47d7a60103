import { z } from 'zod';
import {
  latencyBucketsMs,
  objectiveBounds,
  objectiveDefaults,
  objectiveWindowDays,
} from '@slipway/platform-contract';

const { availability, latencyPercentile } = objectiveBounds;

function percentWithin({ min, max }: { min: number; max: number }, what: string) {
  return z
    .number()
    .min(min, `must be at least ${min} (percent ${what}); ${min}–${max} is allowed`)
    .max(max, `must be at most ${max} (percent ${what}); ${min}–${max} is allowed`);
}

const thresholdMs = z
  .number()
  .int()
  .refine((ms) => (latencyBucketsMs as readonly number[]).includes(ms), {
    error: (issue) =>
      `must be a bound of the service kit's latency histogram, in ms: ${latencyBucketsMs.join(', ')}${nearestBuckets(issue.input)}`,
  });

/** ` (for 300: 250 or 500)`: the buckets around a threshold that is not one. */
function nearestBuckets(input: unknown): string {
  if (typeof input !== 'number') return '';
  const below = latencyBucketsMs.filter((ms) => ms < input).at(-1);
  const above = latencyBucketsMs.find((ms) => ms > input);
  const choices = [below, above].filter((ms) => ms !== undefined).join(' or ');
  return ` (for ${input}: ${choices})`;
}

/**
 * `objectives:` in a manifest: what the service promises over 30 days. Every field is optional;
 * the rest come from `objectiveDefaults` in the platform contract.
 * @example objectivesSchema.parse({ availability: 99.95, latency: { thresholdMs: 250 } })
 */
export const objectivesSchema = z.strictObject({
  /** Percent of requests answered without a server error (5xx). */
  availability: percentWithin(availability, 'of requests without a 5xx').optional(),
  /** `percentile` percent of requests are answered within `thresholdMs`. */
  latency: z
    .strictObject({
      percentile: percentWithin(latencyPercentile, 'of requests within thresholdMs').optional(),
      thresholdMs: thresholdMs.optional(),
    })
    .optional(),
});

/** A service's objectives with every default filled in, and the error budgets they leave. */
export interface ResolvedObjectives {
  /** Days the objectives are measured over. */
  readonly windowDays: number;
  readonly availability: {
    /** Percent of requests answered without a 5xx. */
    readonly target: number;
    /** The share of requests that may fail: `1 - target / 100` (0.001 for 99.9). */
    readonly errorBudget: number;
  };
  readonly latency: {
    readonly percentile: number;
    readonly thresholdMs: number;
    /** The share of requests that may be slower than the threshold: `1 - percentile / 100`. */
    readonly errorBudget: number;
  };
}

/** `1 - percent / 100`, rounded so 99.9 gives 0.001 and not 0.0010000000000000009. */
function budgetOf(percent: number): number {
  return Number((1 - percent / 100).toPrecision(12));
}

/**
 * A service's objectives as the alert rules and dashboards use them: the manifest's, over the
 * platform's defaults, with the error budgets they leave.
 * @example resolveObjectives({}).availability.errorBudget // 0.001
 */
export function resolveObjectives(manifest: {
  readonly objectives?: z.output<typeof objectivesSchema> | undefined;
}): ResolvedObjectives {
  const declared = manifest.objectives;
  const target = declared?.availability ?? objectiveDefaults.availability;
  const percentile = declared?.latency?.percentile ?? objectiveDefaults.latency.percentile;
  return {
    windowDays: objectiveWindowDays,
    availability: { target, errorBudget: budgetOf(target) },
    latency: {
      percentile,
      thresholdMs: declared?.latency?.thresholdMs ?? objectiveDefaults.latency.thresholdMs,
      errorBudget: budgetOf(percentile),
    },
  };
}
