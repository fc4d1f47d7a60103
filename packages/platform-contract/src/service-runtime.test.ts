import { describe, expect, it } from 'vitest';
import { productNames } from './product-names.ts';
import { callPolicyDefaults } from './resilience.ts';
import {
  metricsEndpoint,
  platformSetVariables,
  secretMountPath,
  serviceEnvironment,
  servicePortName,
  serviceUrlVariable,
} from './service-runtime.ts';

const orders = { name: 'orders', port: 3001, secrets: ['DATABASE_URL'] };
const callees = [{ name: 'user-profile', port: 3002 }];
const cluster = {
  kind: 'cluster',
  namespace: 'shop-dev',
  shutdown: { drainMs: 5000, timeoutMs: 25000 },
} as const;

describe('serviceEnvironment', () => {
  it('runs a local service on loopback, in development, calling callees on their ports', () => {
    expect(
      serviceEnvironment({
        service: orders,
        callees,
        config: { LOG_LEVEL: 'debug', A: '1' },
        target: { kind: 'local' },
      }),
    ).toEqual({
      A: '1',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
      PORT: '3001',
      SERVICE_NAME: 'orders',
      SHUTDOWN_DRAIN_MS: '0',
      USER_PROFILE_CALL_POLICY: JSON.stringify(callPolicyDefaults),
      USER_PROFILE_URL: 'http://127.0.0.1:3002',
    });
  });

  it('runs a cluster service in production, with callee DNS names and mounted secret files', () => {
    expect(
      serviceEnvironment({ service: orders, callees, config: { A: '1' }, target: cluster }),
    ).toEqual({
      A: '1',
      DATABASE_URL_FILE: `${secretMountPath}/DATABASE_URL`,
      METRICS_PORT: '9464',
      NODE_ENV: 'production',
      PORT: '3001',
      SERVICE_NAME: 'orders',
      SHUTDOWN_DRAIN_MS: '5000',
      SHUTDOWN_TIMEOUT_MS: '25000',
      USER_PROFILE_CALL_POLICY: JSON.stringify(callPolicyDefaults),
      USER_PROFILE_URL: 'http://user-profile.shop-dev.svc.cluster.local:3002',
    });
  });

  it("sets each callee's resolved call policy beside its URL, as JSON", () => {
    const policy = { ...callPolicyDefaults, timeoutMs: 1_500 };
    const environment = serviceEnvironment({
      service: orders,
      callees: [{ name: 'user-profile', port: 3002, policy }],
      target: { kind: 'local' },
    });

    expect(JSON.parse(environment.USER_PROFILE_CALL_POLICY ?? '')).toEqual(policy);
  });

  it('mounts secrets under the product name', () => {
    expect(secretMountPath).toBe(`/var/run/secrets/${productNames.name}`);
  });

  it('sorts its keys, so renders are stable', () => {
    const keys = Object.keys(
      serviceEnvironment({ service: orders, callees, config: { Z: '1', B: '2' }, target: cluster }),
    );
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b)));
  });
});

describe('platformSetVariables', () => {
  it("lists what the platform sets in a cluster, which a service's config must not", () => {
    expect(platformSetVariables(orders, ['gateway'])).toEqual([
      'DATABASE_URL_FILE',
      'GATEWAY_CALL_POLICY',
      'GATEWAY_URL',
      'METRICS_PORT',
      'NODE_ENV',
      'PORT',
      'SERVICE_NAME',
      'SHUTDOWN_DRAIN_MS',
      'SHUTDOWN_TIMEOUT_MS',
    ]);
  });
});

describe('serviceUrlVariable', () => {
  it.each([
    ['orders', 'ORDERS_URL'],
    ['user-profile', 'USER_PROFILE_URL'],
  ])('names the URL of %s %s', (name, variable) => {
    expect(serviceUrlVariable(name)).toBe(variable);
  });
});

describe('metricsEndpoint', () => {
  it('is a port of its own, named apart from the API port that Services and routes name', () => {
    expect(metricsEndpoint.portName).not.toBe(servicePortName);
    expect(serviceEnvironment({ service: orders, callees, target: cluster }).METRICS_PORT).toBe(
      String(metricsEndpoint.port),
    );
  });
});
