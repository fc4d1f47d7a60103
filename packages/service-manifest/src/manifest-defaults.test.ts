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
