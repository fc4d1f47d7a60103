import { describe, expect, it } from 'vitest';
import { requireZoneRedundancy } from './zones.ts';

describe('requireZoneRedundancy', () => {
  it('gives back three zones or more as they are', () => {
    expect(requireZoneRedundancy('zones', ['a', 'b', 'c', 'd'])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('rejects fewer than three zones, naming the field', () => {
    expect(() => requireZoneRedundancy('availabilityZones', ['a', 'b'])).toThrow(
      'availabilityZones must list at least 3 zones for a zone-redundant cluster, got 2',
    );
  });
});
