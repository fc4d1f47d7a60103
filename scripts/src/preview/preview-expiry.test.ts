import { describe, expect, it } from 'vitest';
import { expiredPreviews, expiryOf, parseInstant, parseTtl } from './preview-expiry.ts';

describe('preview expiry', () => {
  it.each([
    ['90m', 90 * 60_000],
    ['36h', 36 * 3_600_000],
    ['7d', 7 * 86_400_000],
  ])('reads --ttl %s', (text, ms) => {
    expect(parseTtl(text)).toBe(ms);
  });

  it.each(['', '0d', '7', '1w', '-1d'])('refuses --ttl %j with the form it takes', (text) => {
    expect(() => parseTtl(text)).toThrow(/--ttl .* e\.g\. 90m, 36h, 7d/);
  });

  it('counts the expiry from the given instant, in whole seconds', () => {
    expect(expiryOf(new Date('2026-01-01T00:00:00.250Z'), '7d')).toBe('2026-01-08T00:00:00Z');
  });

  it('takes --now over the clock and refuses what is not an instant', () => {
    const clock = () => new Date('2030-01-01T00:00:00Z');
    expect(parseInstant(undefined, clock)).toEqual(clock());
    expect(parseInstant('2026-01-08T12:00:00Z', clock).toISOString()).toBe(
      '2026-01-08T12:00:00.000Z',
    );
    expect(() => parseInstant('tomorrow', clock)).toThrow(/--now 'tomorrow'/);
  });

  it('collects the stacks past their recorded expiry, and a failed one a TTL after its last update', () => {
    const now = new Date('2026-02-01T00:00:00Z');
    expect(
      expiredPreviews(
        [
          { stack: 'pr-1', expiresAt: '2026-01-31T23:59:59Z' },
          { stack: 'pr-2', expiresAt: '2026-02-01T00:00:01Z' },
          { stack: 'pr-3', lastUpdate: '2026-01-01T00:00:00Z' },
          { stack: 'pr-4', lastUpdate: '2026-01-30T00:00:00Z' },
          { stack: 'pr-5' },
        ],
        now,
      ),
    ).toEqual(['pr-1', 'pr-3']);
  });
});
