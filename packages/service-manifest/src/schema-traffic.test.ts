import { describe, expect, it } from 'vitest';
import { serviceManifestSchema } from './schema.ts';

const parse = (fields: Record<string, unknown>) =>
  serviceManifestSchema.safeParse({ name: 'storefront', port: 3010, ...fields });

describe('traffic', () => {
  it('is optional and takes every override on a public service', () => {
    expect(parse({ public: true }).data?.traffic).toBeUndefined();
    const traffic = {
      requestTimeoutSeconds: 20,
      rateLimit: { requestsPerSecond: 5 },
      circuitBreaker: { maxConnections: 10, maxPendingRequests: 20, maxParallelRequests: 30 },
    };
    expect(parse({ public: true, traffic }).data?.traffic).toEqual(traffic);
  });

  it('belongs to public services only, naming the fix', () => {
    const result = parse({ traffic: { rateLimit: { requestsPerSecond: 5 } } });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['traffic'],
        message: expect.stringContaining('set public: true, or remove traffic'),
      }),
    ]);
  });

  it('never lets the gateway wait longer than the service may work', () => {
    const result = parse({
      public: true,
      shutdown: { maxRequestSeconds: 30 },
      traffic: { requestTimeoutSeconds: 45 },
    });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['traffic', 'requestTimeoutSeconds'],
        message: expect.stringContaining('must not exceed shutdown.maxRequestSeconds (30)'),
      }),
    ]);
    expect(
      parse({
        public: true,
        shutdown: { maxRequestSeconds: 45 },
        traffic: { requestTimeoutSeconds: 45 },
      }).success,
    ).toBe(true);
  });

  it.each([
    [{ rateLimit: { requestsPerSecond: 0 } }, ['traffic', 'rateLimit', 'requestsPerSecond']],
    [{ circuitBreaker: { maxConnections: 0 } }, ['traffic', 'circuitBreaker', 'maxConnections']],
    [{ requestTimeoutSeconds: 0 }, ['traffic', 'requestTimeoutSeconds']],
  ])('refuses a bound below 1 in %j, naming the field', (traffic, path) => {
    const issue = parse({ public: true, traffic }).error?.issues[0];
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toContain('leave it out for the platform default');
  });

  it('refuses an unknown field', () => {
    const issue = parse({ public: true, traffic: { retries: 3 } }).error?.issues[0];
    expect(issue).toMatchObject({ code: 'unrecognized_keys', path: ['traffic'] });
  });
});

describe('autoscaling.scaleDownStabilizationSeconds', () => {
  it('is optional and bounded to an hour', () => {
    expect(parse({}).data?.autoscaling.scaleDownStabilizationSeconds).toBeUndefined();
    expect(parse({ autoscaling: { scaleDownStabilizationSeconds: 600 } }).success).toBe(true);
    expect(parse({ autoscaling: { scaleDownStabilizationSeconds: 7200 } }).success).toBe(false);
  });
});
