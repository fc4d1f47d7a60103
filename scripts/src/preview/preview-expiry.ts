/** How long a preview lives unless `--ttl` says otherwise: a week of review. */
export const defaultPreviewTtl = '7d';

const units: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Milliseconds of a time to live such as `7d`, `36h` or `90m`.
 * @throws Error naming the flag and the form it takes.
 * @example parseTtl('2d') // 172800000
 */
export function parseTtl(text: string): number {
  const match = /^(\d+)([mhd])$/.exec(text.trim());
  const amount = Number(match?.[1] ?? 0);
  if (!match || amount <= 0)
    throw new Error(
      `--ttl '${text}' is not a duration: use minutes, hours or days, e.g. 90m, 36h, 7d`,
    );
  return amount * (units[match[2] ?? 'd'] ?? 0);
}

/**
 * An instant given on the command line (`--now`), or the clock's.
 * @throws Error when the text is not an ISO 8601 instant.
 * @example parseInstant('2026-01-08T12:00:00Z').toISOString()
 */
export function parseInstant(text: string | undefined, clock: () => Date = () => new Date()): Date {
  if (text === undefined) return clock();
  const instant = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(instant.getTime()))
    throw new Error(`--now '${text}' is not an ISO 8601 instant such as 2026-01-08T12:00:00Z`);
  return instant;
}

/**
 * When a preview started now expires: whole seconds, in UTC.
 * @example expiryOf(new Date('2026-01-01T00:00:00Z'), '7d') // '2026-01-08T00:00:00Z'
 */
export function expiryOf(now: Date, ttl: string): string {
  const at = new Date(now.getTime() + parseTtl(ttl));
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A preview stack as `gc` sees it: its name and the expiry its last `up` recorded. */
export interface PreviewStackExpiry {
  readonly stack: string;
  /** The `preview.expiresAt` output; absent when no `up` finished (then `lastUpdate` + the default TTL counts). */
  readonly expiresAt?: string;
  readonly lastUpdate?: string;
}

/**
 * The preview stacks past their expiry at `now`. A stack whose `up` never finished has no
 * recorded expiry: it expires the default TTL after its last update, so a failed preview is
 * collected too.
 * @example expiredPreviews([{ stack: 'pr-3', expiresAt: '2026-01-01T00:00:00Z' }], new Date('2026-02-01T00:00:00Z')) // ['pr-3']
 */
export function expiredPreviews(stacks: readonly PreviewStackExpiry[], now: Date): string[] {
  return stacks
    .filter(({ expiresAt, lastUpdate }) => {
      const expiry = expiresAt
        ? Date.parse(expiresAt)
        : Date.parse(lastUpdate ?? '') + parseTtl(defaultPreviewTtl);
      // A stack with neither is one being created right now: left alone.
      return Number.isFinite(expiry) && expiry <= now.getTime();
    })
    .map(({ stack }) => stack)
    .sort();
}
