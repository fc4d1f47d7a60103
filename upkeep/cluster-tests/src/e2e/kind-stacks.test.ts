import { describe, expect, it } from 'vitest';
import type { ServiceManifest } from '@slipway/service-manifest';
import { existingPostgres, kindPlatformConfig, kindServicesConfig } from './kind-stacks.ts';
import { cliConfig } from './pulumi-cli.ts';

const manifest = (name: string, secrets: string[], declared: object = {}) =>
  ({ name, secrets, ...declared }) as unknown as ServiceManifest;

describe('kindPlatformConfig', () => {
  it('keeps Envoy Gateway on and turns off the add-ons a runner cannot serve', () => {
    const config = kindPlatformConfig();
    expect(config.gateway).toEqual({ domains: { 'slipway-e2e': 'e2e.slipway.test' } });
    expect(config).toMatchObject({
      environment: 'dev',
      certManager: { enabled: false },
      backups: { enabled: false },
    });
  });
});

describe('kindServicesConfig', () => {
  it("gives every service that declares postgres the run's PostgreSQL as its existing server, allowing its address alone", () => {
    const { plain, secrets } = kindServicesConfig(
      [manifest('orders', [], { postgres: {} }), manifest('gateway', [])],
      {},
      'o/p/e2e',
      'postgres://slipway:SENTINEL-pw@10.0.20.100:5432/slipway',
    );
    expect(secrets).toEqual({
      'dataServices.orders.postgres.url': 'postgres://slipway:SENTINEL-pw@10.0.20.100:5432/slipway',
    });
    expect(plain.dataServices).toEqual({
      orders: { postgres: { cidr: '10.0.20.100/32', port: 5432 } },
    });
    expect(JSON.stringify(plain)).not.toContain('SENTINEL');
  });

  it('names a secret it has no value for', () => {
    expect(() =>
      kindServicesConfig([manifest('billing', ['STRIPE_KEY'])], {}, 'o/p/e2e', 'postgres://db'),
    ).toThrow("billing's secret STRIPE_KEY");
  });

  it('names the variable when a service declares postgres and none is given', () => {
    expect(() =>
      kindServicesConfig([manifest('orders', [], { postgres: {} })], {}, 'o/p/e2e', undefined),
    ).toThrow('orders declares postgres: set SLIPWAY_E2E_DATABASE_URL');
  });
});

describe('existingPostgres', () => {
  it('refuses a server named by host name: a NetworkPolicy matches addresses', () => {
    expect(() => existingPostgres('postgres://u:p@db.internal/x')).toThrow(
      "by IPv4 address (the egress rule allows that address alone), not 'db.internal'",
    );
  });
});

describe('cliConfig', () => {
  it('writes strings as values and anything else as object values, under the project', () => {
    expect(cliConfig({ namespace: 'ns', images: { orders: 'o:1' } }, 'slipway-services')).toEqual({
      'slipway-services:namespace': { value: 'ns', secret: false },
      'slipway-services:images': {
        value: '{"orders":"o:1"}',
        objectValue: { orders: 'o:1' },
        secret: false,
      },
    });
  });
});
