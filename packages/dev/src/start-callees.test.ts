import { describe, expect, it } from 'vitest';
import type { ServiceManifest } from '@slipway/service-manifest';
import { calleesOf, devScriptArgs } from './start-callees.ts';

const service = (name: string, calls: string[]) => ({ name, calls }) as unknown as ServiceManifest;

describe('calleesOf', () => {
  it('should list the callees and their callees once each, nearest first, never the caller', () => {
    const catalog = [
      service('gateway', ['orders', 'billing']),
      service('orders', ['stock', 'billing']),
      service('billing', ['gateway']),
      service('stock', []),
    ];
    expect(calleesOf(catalog[0] as ServiceManifest, catalog)).toEqual([
      'orders',
      'billing',
      'stock',
    ]);
  });
});

describe('devScriptArgs', () => {
  it.each([
    ['slipway-dev', []],
    ['slipway-dev --env PGLITE_DATA_DIR=.data/pglite', ['--env', 'PGLITE_DATA_DIR=.data/pglite']],
    [
      `slipway-dev --env "GREETING=hi there" --env 'B=c'`,
      ['--env', 'GREETING=hi there', '--env', 'B=c'],
    ],
  ])('should read %j as slipway-dev %j', (script, args) => {
    expect(devScriptArgs(script)).toEqual(args);
  });

  it.each([undefined, 'tsx watch src/index.ts', 'slipway-dev && echo', 'slipway-dev --env A=$B'])(
    'should not read %j',
    (script) => {
      expect(devScriptArgs(script)).toBeUndefined();
    },
  );
});
