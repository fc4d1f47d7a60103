import { describe, expect, it } from 'vitest';
import type { ServiceManifest } from '@slipway/service-manifest';
import { kindPlatformConfig, kindServicesConfig } from './kind-stacks.ts';
import { cliConfig } from './pulumi-cli.ts';

const manifest = (name: string, secrets: string[]) =>
  ({ name, secrets }) as unknown as ServiceManifest;

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
  it('gives every service that declares DATABASE_URL the run database', () => {
    const { secrets } = kindServicesConfig(
      [manifest('orders', ['DATABASE_URL']), manifest('gateway', [])],
      {},
      'o/p/e2e',
      'postgres://db',
    );
    expect(secrets).toEqual({ 'secrets.orders.DATABASE_URL': 'postgres://db' });
  });

  it('names a secret it has no value for', () => {
    expect(() =>
      kindServicesConfig([manifest('billing', ['STRIPE_KEY'])], {}, 'o/p/e2e', 'postgres://db'),
    ).toThrow("billing's secret STRIPE_KEY");
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
