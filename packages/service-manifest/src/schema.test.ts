import { describe, expect, it } from 'vitest';
import { manifestDefaults, serviceManifestSchema } from './schema.ts';

describe('manifestDefaults', () => {
  it('are what a manifest that leaves everything out runs with', () => {
    const manifest = serviceManifestSchema.parse({ name: 'orders', port: 3001 });
    expect(manifest).toMatchObject(manifestDefaults);
  });

  it('fill a half-given section field by field', () => {
    const manifest = serviceManifestSchema.parse({
      name: 'orders',
      port: 3001,
      resources: { requests: { cpu: '250m' } },
    });
    expect(manifest.resources.requests).toEqual({
      ...manifestDefaults.resources.requests,
      cpu: '250m',
    });
  });
});

describe('ephemeral storage', () => {
  const withStorage = (requests: string, limits: string) =>
    serviceManifestSchema.safeParse({
      name: 'orders',
      port: 3001,
      resources: {
        requests: { ephemeralStorage: requests },
        limits: { ephemeralStorage: limits },
      },
    });

  it("needs a limit above /tmp's headroom, naming the field", () => {
    const result = withStorage('32Mi', '64Mi');
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['resources', 'limits', 'ephemeralStorage'],
        message: expect.stringContaining('must be more than 64Mi'),
      }),
    ]);
  });

  it('needs a request no larger than the limit', () => {
    const result = withStorage('1Gi', '512Mi');
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['resources', 'requests', 'ephemeralStorage'],
        message: 'must not exceed resources.limits.ephemeralStorage (512Mi)',
      }),
    ]);
  });

  it('takes a limit that leaves /tmp room', () => {
    expect(withStorage('64Mi', '128Mi').success).toBe(true);
  });
});
