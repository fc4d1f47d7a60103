import { describe, expect, it } from 'vitest';
import { awsResourceName } from './aws-resource-name.ts';

const cacheName = (service: string) => awsResourceName(['slipway-staging', service, 'cache'], 40);

describe('awsResourceName', () => {
  it.each([
    [['slipway-prod', 'ledger', 'cache'], 40, 'slipway-prod-ledger-cache'],
    [['slipway-dev', 'order--service', 'postgres'], 63, 'slipway-dev-order-service-postgres'],
  ])('joins %j within %i characters as %s', (parts, maxLength, name) => {
    expect(awsResourceName(parts, maxLength)).toBe(name);
  });

  it('shortens a long name to the limit, keeping its start and telling two apart by a hash', () => {
    const one = cacheName('abcdefghijklmnopqrstuvwxyz-one');
    expect(one).toMatch(/^slipway-staging-abcdefghijklmno-[0-9a-f]{8}$/);
    expect(one).toHaveLength(40);
    expect(one).not.toBe(cacheName('abcdefghijklmnopqrstuvwxyz-two'));
  });

  it('never leaves two hyphens where the kept start meets the hash', () => {
    expect(cacheName('a-service-with-a-rather-long-name')).toMatch(
      /^slipway-staging-a-service-with-[0-9a-f]{8}$/,
    );
  });
});
