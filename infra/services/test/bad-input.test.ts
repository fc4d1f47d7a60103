import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlatformOutputs } from '@slipway/infra-platform/outputs';
import { installMocks, settle } from '@slipway/infra-testing';
import { serviceDir, serviceManifestPath } from '@slipway/platform-contract';
import {
  loadServiceManifests,
  ManifestError,
  type ServiceManifestInput,
} from '@slipway/service-manifest';
import { deployServices } from '../src/deploy-services.ts';
import { projectName, type StackConfig } from '../src/stack-config.ts';
import { ServicesStackConfigError } from '../src/stack-config-error.ts';
import {
  configFor,
  exampleManifests,
  examplePair,
  manifest,
  platformFor,
  unusedServiceName,
} from './fixtures.ts';

/**
 * Runs the composition under mocks, on the platform of `platformFor` unless `platform` is given
 * (undefined included), and returns what it threw and how many resources it registered.
 */
async function attempt(
  manifests: readonly ServiceManifestInput[],
  config: StackConfig,
  options: { readonly platform?: PlatformOutputs | undefined } = {},
) {
  const platform = 'platform' in options ? options.platform : platformFor(config);
  const resources = await installMocks({ project: projectName, stack: config.stack });
  try {
    deployServices(manifests, config, platform);
    await settle();
    return { error: undefined, registered: resources.length };
  } catch (error) {
    return { error: error as Error, registered: resources.length };
  }
}

const orders = () => examplePair().find((m) => m.name === 'orders') as ServiceManifestInput;
const gateway = () => examplePair().find((m) => m.name === 'gateway') as ServiceManifestInput;

describe('bad manifests fail the program before any resource is registered, naming service and field', () => {
  it.each([
    [
      'an unknown field',
      [manifest('ledger', { replica: 3 } as Partial<ServiceManifestInput>)],
      "service 'ledger'",
      "unknown field(s) 'replica'",
    ],
    [
      'a call to a service that does not exist',
      [manifest('ledger', { calls: ['billing'] })],
      "field 'calls.0'",
      "calls 'billing', which does not exist",
    ],
    [
      'min replicas above max',
      [manifest('ledger', { replicas: { min: 5, max: 3 } })],
      "field 'replicas.max'",
      'must be greater than replicas.min',
    ],
    [
      'a call the callee does not accept',
      [manifest('a', { calls: ['b'] }), manifest('b')],
      "service 'a', field 'calls.0'",
      "does not list 'a' in calledBy",
    ],
    [
      'a config value the platform sets',
      [manifest('ledger', { config: { default: { PORT: '80' } } })],
      "field 'config.default.PORT'",
      'is set by the platform',
    ],
    [
      'the metrics port set by config',
      [manifest('ledger', { config: { prod: { METRICS_PORT: '9000' } } })],
      "field 'config.prod.METRICS_PORT'",
      'is set by the platform',
    ],
    [
      'an OpenTelemetry variable set by config, which would send traces elsewhere',
      [
        manifest('ledger', {
          config: { staging: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x:4318' } },
        }),
      ],
      "field 'config.staging.OTEL_EXPORTER_OTLP_ENDPOINT'",
      'is set by the platform',
    ],
    [
      'the service name OpenTelemetry reports, set by config',
      [manifest('ledger', { config: { default: { OTEL_SERVICE_NAME: 'other' } } })],
      "field 'config.default.OTEL_SERVICE_NAME'",
      'is set by the platform',
    ],
    [
      'the metrics port as the API port',
      [manifest('ledger', { port: 9464 })],
      "field 'port'",
      '9464 is the port every pod serves its metrics on',
    ],
  ])('%s', async (_, manifests, field, message) => {
    const valid = manifests.filter((m) => !('replica' in m));
    const { error, registered } = await attempt(manifests, configFor(valid));
    expect(error).toBeInstanceOf(ManifestError);
    expect(error?.message).toContain(field);
    expect(error?.message).toContain(message);
    expect(error?.message).toContain(`service '${manifests[0]?.name}'`);
    expect(registered).toBe(0);
  });

  it('reports a broken manifest once, with no follow-on error for the services that call it', async () => {
    const ledger = manifest('ledger', { calls: ['audit'] });
    const audit = { ...manifest('audit', { calledBy: ['ledger'] }), port: 'abc' };
    const manifests = [ledger, audit as unknown as ServiceManifestInput];
    const { error, registered } = await attempt(manifests, configFor([ledger]));
    expect(error).toBeInstanceOf(ManifestError);
    expect((error as ManifestError).problems.map((p) => `${p.service}: ${p.field}`)).toEqual([
      'audit: port',
    ]);
    expect(registered).toBe(0);
  });

  it('reads manifest files the same way, naming the file', () => {
    const root = mkdtempSync(join(tmpdir(), 'slipway-bad-'));
    mkdirSync(join(root, serviceDir('ledger')), { recursive: true });
    writeFileSync(
      join(root, serviceManifestPath('ledger')),
      'name: ledger\nport: 4100\nreplicas: { min: 4, max: 2 }\n',
    );
    expect(() => loadServiceManifests(root)).toThrow(
      /apps\/ledger\/service.yaml: service 'ledger', field 'replicas.max'/,
    );
  });
});

describe('bad stack config fails the program before any resource is registered, naming service and field', () => {
  // Every service under apps/ and one with a secret; each case breaks one thing and keeps every
  // other image valid.
  const vault = manifest(unusedServiceName(exampleManifests(), 'vault'), {
    secrets: ['API_TOKEN'],
  });
  const manifests = [...exampleManifests(), vault];
  const images = configFor(manifests).images;
  const { gateway: _, ...imagesButGateway } = images;
  const stranger = unusedServiceName(manifests, 'billing');
  it.each([
    [
      'a secret that is not configured',
      { secrets: {} },
      `service '${vault.name}', field 'secrets.${vault.name}.API_TOKEN': is not configured`,
    ],
    [
      'a secret no manifest declares',
      { secrets: { [vault.name]: { API_TOKEN: 'x', API_TOKN: 'x' } } },
      `service '${vault.name}', field 'secrets.${vault.name}.API_TOKN'`,
    ],
    [
      'a missing image',
      { images: imagesButGateway },
      "service 'gateway', field 'images.gateway': is not set",
    ],
    [
      'the latest tag',
      { images: { ...images, orders: 'ghcr.io/acme/orders:latest' } },
      "service 'orders', field 'images.orders': 'ghcr.io/acme/orders:latest' uses the mutable tag 'latest'",
    ],
    [
      'an untagged image',
      { images: { ...images, orders: 'ghcr.io/acme/orders' } },
      "service 'orders', field 'images.orders': 'ghcr.io/acme/orders' has no tag or digest",
    ],
    [
      'an image for a service that does not exist',
      { images: { ...images, [stranger]: `ghcr.io/acme/${stranger}:1.0.0` } },
      `service '${stranger}', field 'images.${stranger}'`,
    ],
  ])('%s', async (_, overrides, message) => {
    const base = configFor(manifests);
    const config = { ...base, ...overrides } as StackConfig;
    const { error, registered } = await attempt(manifests, config);
    expect(error).toBeInstanceOf(ServicesStackConfigError);
    expect(error?.message).toContain(message);
    expect(registered).toBe(0);
  });

  it('names platformStack and how to set it when a service is public and no platform is given', async () => {
    const { error, registered } = await attempt(manifests, configFor(manifests), {
      platform: undefined,
    });
    expect(error).toBeInstanceOf(ServicesStackConfigError);
    expect(error?.message).toContain(
      "service 'gateway', field 'platformStack': is required: gateway is public and its HTTPRoute attaches to the platform's gateway: pulumi config set platformStack organization/slipway-platform/dev",
    );
    expect(registered).toBe(0);
  });

  it('names the platform stack, the namespace and the fix when the platform has no gateway there', async () => {
    const config = configFor(manifests, { platformStack: 'acme/slipway-platform/dev' });
    const { error, registered } = await attempt(manifests, config, {
      platform: { namespaces: ['slipway-dev'], gateways: {} },
    });
    expect(error).toBeInstanceOf(ServicesStackConfigError);
    expect(error?.message).toContain(
      "service 'gateway', field 'platformStack': 'acme/slipway-platform/dev' has no gateway for namespace 'slipway-dev', which public gateway needs: turn the gateway on in the platform stack for that namespace, or make gateway internal (public: false)",
    );
    expect(registered).toBe(0);
  });

  it('refuses a namespace the platform stack did not create', async () => {
    const config = configFor(manifests, { namespace: 'slipway-qa' });
    const { error } = await attempt(manifests, config, {
      platform: platformFor(configFor(manifests)),
    });
    expect(error?.message).toContain(
      "field 'namespace': 'slipway-qa' is not a namespace of the platform stack (slipway-dev)",
    );
  });

  it('needs no platform when no service is public', async () => {
    const internal = [manifest('ledger')];
    const { error, registered } = await attempt(internal, configFor(internal), {
      platform: undefined,
    });
    expect(error).toBeUndefined();
    expect(registered).toBeGreaterThan(0);
  });

  it('lists every problem at once', async () => {
    const config = {
      ...configFor(manifests),
      images: {},
      secrets: {},
      dataServices: {},
    } as StackConfig;
    const { error } = await attempt([orders(), gateway(), vault], config);
    expect((error as ServicesStackConfigError).problems.map((p) => p.field)).toEqual([
      'images.orders',
      'dataServices.orders.postgres',
      'images.gateway',
      `images.${vault.name}`,
      `secrets.${vault.name}.API_TOKEN`,
    ]);
  });
});
