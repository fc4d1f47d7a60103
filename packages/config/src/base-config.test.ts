import { describe, expect, it } from 'vitest';
import { loadSheddingDefaults, loadSheddingVariables } from '@slipway/platform-contract';
import { defineConfigSchema } from './base-config.ts';
import { ConfigError } from './config-error.ts';
import { loadConfig } from './load-config.ts';

const schema = defineConfigSchema({ name: 'orders', port: 3001 }, {});
const { maxEventLoopDelayMs, maxInFlight } = loadSheddingVariables;

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(schema, { env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the load-shedding bounds of the base config', () => {
  it("should default to the platform contract's bounds", () => {
    const config = loadConfig(schema, { env: {} });
    expect(config[maxEventLoopDelayMs]).toBe(loadSheddingDefaults.maxEventLoopDelayMs);
    expect(config[maxInFlight]).toBe(loadSheddingDefaults.maxInFlight);
  });

  it('should take 0, which turns a bound off, and whole numbers', () => {
    const config = loadConfig(schema, {
      env: { [maxEventLoopDelayMs]: '0', [maxInFlight]: '512' },
    });
    expect(config[maxEventLoopDelayMs]).toBe(0);
    expect(config[maxInFlight]).toBe(512);
  });

  it.each([
    ['-1', 'must be 0 or more milliseconds; 0 turns this bound off'],
    ['2.5', 'must be a whole number of milliseconds; 0 turns this bound off'],
    ['many', 'must be a whole number of milliseconds; 0 turns this bound off'],
  ])('should refuse %s for the event-loop bound, saying what fits', (value, message) => {
    expect(problemsOf({ [maxEventLoopDelayMs]: value })).toEqual([
      { variable: maxEventLoopDelayMs, message },
    ]);
  });

  it('should refuse a negative or fractional in-flight bound, naming the variable', () => {
    expect(problemsOf({ [maxInFlight]: '-5' })).toEqual([
      { variable: maxInFlight, message: 'must be 0 or more requests; 0 turns this bound off' },
    ]);
    expect(problemsOf({ [maxInFlight]: '0.5' })).toEqual([
      {
        variable: maxInFlight,
        message: 'must be a whole number of requests; 0 turns this bound off',
      },
    ]);
  });
});
