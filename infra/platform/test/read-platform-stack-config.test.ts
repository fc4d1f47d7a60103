import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { installMocks } from '@slipway/infra-testing';
import { environmentProfiles } from '@slipway/service-manifest';
import { letsEncryptProduction, letsEncryptStaging } from '../src/cert-manager.ts';
import { readPlatformStackConfig } from '../src/read-platform-stack-config.ts';

const project = 'slipway-platform';

async function read(config: Record<string, unknown>, stack = 'dev') {
  await installMocks({ project, stack, config });
  return readPlatformStackConfig(new pulumi.Config(project), stack);
}

const complete = {
  gateway: { domains: { 'slipway-dev': 'dev.example.com' } },
  certManager: {
    email: 'platform@example.com',
    dns01: { provider: 'route53', region: 'eu-west-1' },
  },
  backups: { provider: 'aws', bucket: 'acme-velero', region: 'eu-west-1' },
};

describe('readPlatformStackConfig', () => {
  it('defaults to one environment namespace per stack, slipway-<stack>', async () => {
    const { platform } = await read(
      { ...complete, gateway: { domains: { 'slipway-staging': 'staging.example.com' } } },
      'staging',
    );
    expect(platform.namespaces).toEqual(['slipway-staging']);
  });

  it('turns every optional part on unless it says enabled: false', async () => {
    const { platform } = await read(complete);
    expect(platform.gateway).toEqual({
      domains: { 'slipway-dev': 'dev.example.com' },
      controller: { kind: 'envoy-gateway', ...environmentProfiles.dev.gatewayProxies },
    });
    expect(platform.certManager?.dns01).toEqual({ provider: 'route53', region: 'eu-west-1' });
    expect(platform.certManager?.email).toBe('platform@example.com');
    expect(platform.backups).toMatchObject({
      provider: 'aws',
      bucket: 'acme-velero',
      locationConfig: { region: 'eu-west-1' },
    });
    expect(platform.monitoring).toEqual({});
  });

  it('leaves out each part whose enabled is false, needing none of its settings', async () => {
    const { platform } = await read({
      gateway: { enabled: false },
      certManager: { enabled: false },
      backups: { enabled: false },
      monitoring: { enabled: false },
      admission: { enabled: false },
    });
    expect(platform).toEqual({ namespaces: ['slipway-dev'] });
  });

  it("uses Let's Encrypt production unless the stack says letsEncrypt: staging", async () => {
    const withDefault = await read(complete);
    expect(withDefault.platform.certManager?.acmeServer).toBe(letsEncryptProduction);
    const withStaging = await read({
      ...complete,
      certManager: { ...complete.certManager, letsEncrypt: 'staging' },
    });
    expect(withStaging.platform.certManager?.acmeServer).toBe(letsEncryptStaging);
    const withOwnServer = await read({
      ...complete,
      certManager: { ...complete.certManager, acmeServer: 'https://acme.internal.example/dir' },
    });
    expect(withOwnServer.platform.certManager?.acmeServer).toBe(
      'https://acme.internal.example/dir',
    );
  });

  it.each([
    [
      { letsEncrypt: 'Staging' },
      'certManager.letsEncrypt',
      'must be one of production, staging, got "Staging"',
    ],
    [
      { letsEncrypt: true },
      'certManager.letsEncrypt',
      'must be one of production, staging, got true',
    ],
    [
      { staging: true },
      'certManager.staging',
      'is no longer read: write certManager.letsEncrypt: staging',
    ],
    [{ staging: false }, 'certManager.staging', 'is no longer read'],
    [
      { acmeServer: 'http://acme.example/dir' },
      'certManager.acmeServer',
      'must be an https:// ACME directory URL',
    ],
    [
      { acmeServer: letsEncryptStaging, letsEncrypt: 'production' },
      'certManager.acmeServer',
      'and certManager.letsEncrypt exclude each other',
    ],
  ])(
    'rejects an ACME directory setting it cannot read, naming the key and what it takes (%#)',
    async (setting, field, problem) => {
      await expect(
        read({ ...complete, certManager: { ...complete.certManager, ...setting } }),
      ).rejects.toThrow(`stack config ${field} ${problem}`);
    },
  );

  it.each([
    [{ ...complete, certManager: {} }, 'certManager.email'],
    [{ ...complete, certManager: { email: 'a@b.c' } }, 'certManager.dns01.provider'],
    [
      { ...complete, certManager: { email: 'a@b.c', dns01: { provider: 'ovh' } } },
      'certManager.dns01.provider',
    ],
    [
      { ...complete, certManager: { email: 'a@b.c', dns01: { provider: 'route53' } } },
      'certManager.dns01.region',
    ],
    [
      { ...complete, certManager: { email: 'a@b.c', dns01: { provider: 'cloudDNS' } } },
      'certManager.dns01.project',
    ],
    [
      {
        ...complete,
        certManager: { email: 'a@b.c', dns01: { provider: 'azureDNS', subscriptionID: 's' } },
      },
      'certManager.dns01.resourceGroupName',
    ],
    [{ ...complete, gateway: {} }, 'gateway.domains.slipway-dev'],
    [
      { ...complete, gateway: { domains: { 'slipway-dev': 'not a domain' } } },
      'gateway.domains.slipway-dev',
    ],
    [
      { ...complete, gateway: { ...complete.gateway, envoyGateway: { enabled: false } } },
      'gateway.className',
    ],
    [
      {
        ...complete,
        gateway: {
          ...complete.gateway,
          envoyGateway: { enabled: false },
          className: 'gke-l7-global-external-managed',
        },
      },
      'gateway.dataPlane',
    ],
    [{ ...complete, gateway: { ...complete.gateway, className: 'other' } }, 'gateway.className'],
    [{ ...complete, backups: { provider: 'aws', region: 'eu-west-1' } }, 'backups.bucket'],
    [{ ...complete, backups: { provider: 'ibm', bucket: 'b' } }, 'backups.provider'],
    [{ ...complete, backups: { provider: 'aws', bucket: 'b' } }, 'backups.region'],
    [{ ...complete, namespaces: ['default'] }, 'namespaces[0]'],
    [{ ...complete, namespaces: ['slipway-dev', 'Not_Valid'] }, 'namespaces[1]'],
    [{ ...complete, namespaces: [] }, 'namespaces'],
    [{ ...complete, environment: 'qa' }, 'environment'],
  ])('rejects incomplete or invalid settings, naming the field (%#: %s)', async (config, field) => {
    await expect(read(config)).rejects.toThrow(`stack config ${field} `);
  });

  it.each([
    ['dev', { schedule: '0 3 * * *', ttl: '168h0m0s' }, { minReplicas: 2, maxReplicas: 3 }],
    ['staging', { schedule: '0 * * * *', ttl: '720h0m0s' }, { minReplicas: 2, maxReplicas: 6 }],
    ['prod', { schedule: '0 * * * *', ttl: '720h0m0s' }, { minReplicas: 2, maxReplicas: 6 }],
  ])(
    "takes %s's backup schedule and proxy replicas from its profile",
    async (environment, backups, proxies) => {
      const { platform } = await read(
        { ...complete, namespaces: ['slipway-dev'], environment },
        'eu-1',
      );
      expect(platform.backups).toMatchObject(backups);
      expect(platform.gateway?.controller).toMatchObject(proxies);
    },
  );

  it('names the stack after an environment, or reads environment; anything else is an error', async () => {
    const { platform } = await read(
      { ...complete, gateway: { domains: { 'slipway-prod': 'example.com' } } },
      'prod',
    );
    expect(platform.backups).toMatchObject(environmentProfiles.prod.backups);
    await expect(read(complete, 'qa')).rejects.toThrow(
      "stack config environment 'qa' is not one of dev, staging, prod: name the stack after one or set environment",
    );
  });

  it('lets the stack set the schedule, retention and proxy replicas itself', async () => {
    const { platform } = await read({
      ...complete,
      gateway: { ...complete.gateway, envoyGateway: { minReplicas: 3, maxReplicas: 12 } },
      backups: { ...complete.backups, schedule: '0 */6 * * *', ttl: '336h0m0s' },
    });
    expect(platform.backups).toMatchObject({ schedule: '0 */6 * * *', ttl: '336h0m0s' });
    expect(platform.gateway?.controller).toMatchObject({ minReplicas: 3, maxReplicas: 12 });
  });

  it('reads a cloud Gateway controller in place of Envoy Gateway', async () => {
    const dataPlane = { namespace: 'gke-gateway', podLabels: { app: 'proxy' } };
    const { platform } = await read({
      ...complete,
      gateway: {
        ...complete.gateway,
        envoyGateway: { enabled: false },
        className: 'gke-l7-global-external-managed',
        dataPlane,
      },
    });
    expect(platform.gateway?.controller).toEqual({
      kind: 'external',
      className: 'gke-l7-global-external-managed',
      dataPlane,
    });
  });

  it('reads each cloud DNS-01 solver with its workload identity settings', async () => {
    const { platform } = await read({
      ...complete,
      certManager: {
        email: 'a@b.c',
        dns01: {
          provider: 'azureDNS',
          subscriptionID: 's',
          resourceGroupName: 'rg',
          hostedZoneName: 'example.com',
        },
        podLabels: { 'azure.workload.identity/use': 'true' },
      },
    });
    expect(platform.certManager).toMatchObject({
      dns01: { provider: 'azureDNS', resourceGroupName: 'rg' },
      podLabels: { 'azure.workload.identity/use': 'true' },
    });
  });

  it('reads the cluster stack to take the kubeconfig from', async () => {
    const connection = await read({ ...complete, clusterStack: 'acme/slipway-cluster-gke/prod' });
    expect(connection.clusterStack).toBe('acme/slipway-cluster-gke/prod');
  });
});
