import { describe, expect, it } from 'vitest';
import { awsResourceName } from './aws-resource-name.ts';

const cacheName = (service: string) => awsResourceName(['shop-staging', service, 'cache'], 40);

describe('awsResourceName', () => {
  it.each([
    [['shop-prod', 'ledger', 'cache'], 40, 'shop-prod-ledger-cache'],
    [['shop-dev', 'order--service', 'postgres'], 63, 'shop-dev-order-service-postgres'],
  ])('joins %j within %i characters as %s', (parts, maxLength, name) => {
    expect(awsResourceName(parts, maxLength)).toBe(name);
  });

  it('shortens a long name to the limit, keeping its start and telling two apart by a hash', () => {
    const one = cacheName('abcdefghijklmnopqrstuvwxyz-one');
    expect(one).toMatch(/^shop-staging-abcdefghijklmnopqr-[0-9a-f]{8}$/);
    expect(one).toHaveLength(40);
    expect(one).not.toBe(cacheName('abcdefghijklmnopqrstuvwxyz-two'));
  });

  it('never leaves two hyphens where the kept start meets the hash', () => {
    // Cut at 31 characters, the kept start would end in '-'.
    expect(cacheName('a-service-with-ab-rather-long-name')).toMatch(
      /^shop-staging-a-service-with-ab-[0-9a-f]{8}$/,
    );
  });
});
