import { describe, expect, it } from 'vitest';
import { gcpResourceName } from './gcp-resource-name.ts';

describe('gcpResourceName', () => {
  it('should join the parts when they fit', () => {
    expect(gcpResourceName(['shop-prod', 'ledger', 'cache'], 40)).toBe('shop-prod-ledger-cache');
  });

  it('should keep a long name within the limit, ending in a hash of the whole', () => {
    const long = 'a-service-name-far-longer-than-memorystore-allows';
    const name = gcpResourceName(['shop-prod', long, 'cache'], 40);
    expect(name).toHaveLength(40);
    expect(name).toMatch(/^shop-prod-a-service-name-far-long-[0-9a-f]{6}$/);
    expect(gcpResourceName(['shop-prod', `${long}-2`, 'cache'], 40)).not.toBe(name);
  });
});
