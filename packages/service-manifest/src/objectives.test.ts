import { describe, expect, it } from 'vitest';
import { objectiveDefaults } from '@slipway/platform-contract';
import { resolveObjectives } from './objectives.ts';
import { serviceManifestSchema } from './schema.ts';

const parse = (objectives?: object) =>
  serviceManifestSchema.parse({ name: 'orders', port: 3001, objectives });
const issues = (objectives: object) =>
  serviceManifestSchema
    .safeParse({ name: 'orders', port: 3001, objectives })
    .error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) ?? [];

describe('resolveObjectives', () => {
  it("gives a manifest without objectives the platform's defaults and their budgets", () => {
    expect(resolveObjectives(parse())).toEqual({
      windowDays: 30,
      availability: { target: objectiveDefaults.availability, errorBudget: 0.001 },
      latency: { ...objectiveDefaults.latency, errorBudget: 0.01 },
    });
  });

  it('keeps what the manifest declares and fills in the rest', () => {
    const resolved = resolveObjectives(
      parse({ availability: 99.95, latency: { thresholdMs: 250 } }),
    );
    expect(resolved.availability).toEqual({ target: 99.95, errorBudget: 0.0005 });
    expect(resolved.latency).toEqual({ percentile: 99, thresholdMs: 250, errorBudget: 0.01 });
  });
});

describe('objectives in the schema', () => {
  it.each([
    [{ availability: 89 }, 'objectives.availability', 'at least 90'],
    [{ availability: 99.9999 }, 'objectives.availability', 'at most 99.999'],
    [{ latency: { percentile: 100 } }, 'objectives.latency.percentile', 'at most 99.99'],
  ])('refuse %j, naming the allowed range', (objectives, path, message) => {
    expect(issues(objectives)).toEqual([{ path, message: expect.stringContaining(message) }]);
  });

  it("refuse a latency threshold that is not a bound of the kit's histogram, naming the nearest", () => {
    expect(issues({ latency: { thresholdMs: 300 } })).toEqual([
      {
        path: 'objectives.latency.thresholdMs',
        message: expect.stringContaining('(for 300: 250 or 500)'),
      },
    ]);
  });

  it('refuse a field it does not know', () => {
    expect(issues({ errorRate: 1 })[0]?.path).toBe('objectives');
  });
});
