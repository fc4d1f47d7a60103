import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { baseConfigSchema, loadConfig } from '@slipway/config';
import { loadSheddingDefaults, loadSheddingVariables } from '@slipway/platform-contract';
import { loadShedding } from './load-shedding.ts';
import { serviceOptionsFromConfig } from './options-from-config.ts';

const context = () => ({ registry: new Registry(), logger: pino({ level: 'silent' }) });

describe('loadShedding', () => {
  it.each([
    [{ maxInFlight: -1 }, 'loadShedding.maxInFlight must be a whole number, 0 or more'],
    [{ maxEventLoopDelayMs: 2.5 }, 'loadShedding.maxEventLoopDelayMs must be a whole number'],
    [{ retryAfterSeconds: Number.NaN }, 'loadShedding.retryAfterSeconds must be a whole number'],
  ])('should refuse %o, naming the option', (options, message) => {
    expect(() => loadShedding(options, context())).toThrow(message);
  });

  it('should leave liveness and startup reports alone, even when saturated', () => {
    const shedding = loadShedding({ readEventLoopDelay: () => 10_000 }, context());
    for (const probe of ['liveness', 'startup'] as const) {
      const report = { probe, status: 'pass', checks: [] } as const;
      expect(shedding.withPressure(report)).toBe(report);
    }
    shedding.stop();
  });

  it('should keep the reason of a readiness report that already failed', () => {
    const shedding = loadShedding({ maxInFlight: 1, maxEventLoopDelayMs: 0 }, context());
    const admitted = { on: () => undefined } as unknown as ServerResponse;
    shedding.guard(() => undefined)({} as IncomingMessage, admitted);
    const report = shedding.withPressure({
      probe: 'readiness',
      status: 'fail',
      reason: 'shutting-down',
      checks: [],
    });
    expect(report).toMatchObject({ status: 'fail', reason: 'shutting-down' });
    expect(report.checks.map((check) => check.name)).toEqual(['load-shedding']);
    shedding.stop();
  });
});

describe('serviceOptionsFromConfig', () => {
  it('should hand the SHED_* config to startService, the contract defaults when unset', () => {
    const env = { SERVICE_NAME: 'orders', PORT: '3001' };
    const defaults = serviceOptionsFromConfig(loadConfig(baseConfigSchema, { env }));
    expect(defaults.start.loadShedding).toEqual({
      maxEventLoopDelayMs: loadSheddingDefaults.maxEventLoopDelayMs,
      maxInFlight: loadSheddingDefaults.maxInFlight,
    });
    const tuned = serviceOptionsFromConfig(
      loadConfig(baseConfigSchema, {
        env: {
          ...env,
          [loadSheddingVariables.maxEventLoopDelayMs]: '0',
          [loadSheddingVariables.maxInFlight]: '64',
        },
      }),
    );
    expect(tuned.start.loadShedding).toEqual({ maxEventLoopDelayMs: 0, maxInFlight: 64 });
  });
});
