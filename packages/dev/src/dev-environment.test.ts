import { describe, expect, it } from 'vitest';
import { callPolicyDefaults } from '@slipway/platform-contract';
import { type ServiceManifestInput, serviceManifestSchema } from '@slipway/service-manifest';
import { createDevEnvironment } from './dev-environment.ts';

const manifest = (input: Partial<ServiceManifestInput> & { name: string; port: number }) =>
  serviceManifestSchema.parse(input);

const gateway = manifest({
  name: 'gateway',
  port: 3000,
  calls: ['orders', { service: 'user-profile', timeoutMs: 1_500 }],
  config: {
    default: { LOG_LEVEL: 'info', ORDERS_TIMEOUT_MS: '3000' },
    dev: { LOG_LEVEL: 'debug' },
  },
});
const orders = manifest({ name: 'orders', port: 3001, calledBy: ['gateway'] });
const userProfile = manifest({ name: 'user-profile', port: 3002, calledBy: ['gateway'] });
const catalog = [gateway, orders, userProfile];

describe('createDevEnvironment', () => {
  it.each([
    ['SERVICE_NAME', 'gateway'],
    ['NODE_ENV', 'development'],
    ['HOST', '127.0.0.1'],
    ['PORT', '3000'],
    ['ORDERS_URL', 'http://127.0.0.1:3001'],
    ['USER_PROFILE_URL', 'http://127.0.0.1:3002'],
    ['SHUTDOWN_DRAIN_MS', '0'],
    ['ORDERS_TIMEOUT_MS', '3000'],
  ])('sets %s to %s from the manifests', (name, value) => {
    expect(createDevEnvironment(gateway, catalog)[name]).toBe(value);
  });

  it("sets each callee's call policy from the manifest's calls, over the defaults", () => {
    const env = createDevEnvironment(gateway, catalog);
    expect(JSON.parse(env.ORDERS_CALL_POLICY ?? '')).toEqual(callPolicyDefaults);
    expect(JSON.parse(env.USER_PROFILE_CALL_POLICY ?? '')).toEqual({
      ...callPolicyDefaults,
      timeoutMs: 1_500,
    });
  });

  it('gives every service of the catalog a metrics port of its own, apart from every PORT', () => {
    const envs = catalog.map((service) => createDevEnvironment(service, catalog));
    const metricsPorts = envs.map((env) => env.METRICS_PORT);
    expect(metricsPorts).toEqual(['9464', '9465', '9466']);
    expect(new Set(metricsPorts).size).toBe(catalog.length);
    for (const env of envs) expect(envs.map((e) => e.PORT)).not.toContain(env.METRICS_PORT);
  });

  it('takes METRICS_PORT from the shell or an --env flag over its own', () => {
    expect(createDevEnvironment(orders, catalog, { METRICS_PORT: '9999' }).METRICS_PORT).toBe(
      '9999',
    );
    expect(createDevEnvironment(orders, catalog, {}, { METRICS_PORT: '9998' }).METRICS_PORT).toBe(
      '9998',
    );
  });

  it("sets LOG_LEVEL to info over the manifest's dev debug, so probe requests stay quiet", () => {
    expect(createDevEnvironment(gateway, catalog).LOG_LEVEL).toBe('info');
  });

  it('sets no callee URL for a service that calls nothing', () => {
    const env = createDevEnvironment(orders, catalog);
    expect(Object.keys(env).filter((key) => key.endsWith('_URL'))).toEqual([]);
  });

  it('lets variables already set in the environment win, and ignores unset ones', () => {
    const env = createDevEnvironment(gateway, catalog, {
      PORT: '4000',
      ORDERS_URL: 'http://127.0.0.1:9999',
      LOG_LEVEL: undefined,
      PATH: '/usr/bin',
    });
    expect(env).toMatchObject({
      PORT: '4000',
      ORDERS_URL: 'http://127.0.0.1:9999',
      LOG_LEVEL: 'info',
      PATH: '/usr/bin',
    });
  });

  it('keeps HOST on loopback when the shell or the manifest sets another', () => {
    const exposed = manifest({
      name: 'exposed',
      port: 3009,
      config: { default: { HOST: '0.0.0.0' }, dev: { HOST: '0.0.0.0' } },
    });
    const env = createDevEnvironment(exposed, [exposed], { HOST: '0.0.0.0', PORT: '4000' });
    expect(env).toMatchObject({ HOST: '127.0.0.1', PORT: '4000' });
  });

  it('takes HOST from an explicit --env flag', () => {
    const env = createDevEnvironment(gateway, catalog, { HOST: 'laptop' }, { HOST: '0.0.0.0' });
    expect(env.HOST).toBe('0.0.0.0');
  });

  it('adds the extra variables over the manifest, below the environment', () => {
    const env = createDevEnvironment(
      gateway,
      catalog,
      { PGLITE_DATA_DIR: '/from/shell' },
      { PGLITE_DATA_DIR: '.data', LOG_LEVEL: 'trace' },
    );
    expect(env).toMatchObject({ PGLITE_DATA_DIR: '/from/shell', LOG_LEVEL: 'trace' });
  });

  it('throws naming the callee when a called service has no manifest', () => {
    expect(() => createDevEnvironment(gateway, [gateway, orders])).toThrow(/user-profile/);
  });
});
