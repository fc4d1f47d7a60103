import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { installMocks } from '@slipway/infra-testing';
import { readPlatformConfig } from '../src/read-platform-config.js';

const project = 'slipway-platform';

async function read(config: Record<string, unknown>, stack = 'dev') {
  const prefixed = Object.fromEntries(
    Object.entries(config).map(([key, value]) => [`${project}:${key}`, value]),
  );
  await installMocks({ project, stack, config: prefixed });
  return readPlatformConfig(new pulumi.Config(project), stack);
}

const complete = {
  certManager: { email: 'platform@example.com' },
  backups: { provider: 'aws', bucket: 'acme-velero', region: 'eu-west-1' },
};

describe('readPlatformConfig', () => {
  it('defaults to one environment namespace per stack, slipway-<stack>', async () => {
    const { platform } = await read(complete, 'staging');
    expect(platform.namespaces).toEqual(['slipway-staging']);
  });

  it('turns every optional part on unless it says enabled: false', async () => {
    const { platform } = await read(complete);
    expect(platform.ingress).toEqual({});
    expect(platform.certManager?.email).toBe('platform@example.com');
    expect(platform.backups).toMatchObject({
      provider: 'aws',
      bucket: 'acme-velero',
      locationConfig: { region: 'eu-west-1' },
    });
  });

  it('leaves out each part whose enabled is false, needing none of its settings', async () => {
    const { platform } = await read({
      ingress: { enabled: false },
      certManager: { enabled: false },
      backups: { enabled: false },
    });
    expect(platform).toEqual({ namespaces: ['slipway-dev'] });
  });

  it("uses Let's Encrypt staging when certManager.staging is true", async () => {
    const { platform } = await read({
      ...complete,
      certManager: { email: 'platform@example.com', staging: true },
    });
    expect(platform.certManager?.acmeServer).toBe(
      'https://acme-staging-v02.api.letsencrypt.org/directory',
    );
  });

  it.each([
    [{ ...complete, certManager: {} }, 'certManager.email'],
    [{ ...complete, backups: { provider: 'aws', region: 'eu-west-1' } }, 'backups.bucket'],
    [{ ...complete, backups: { provider: 'ibm', bucket: 'b' } }, 'backups.provider'],
    [{ ...complete, backups: { provider: 'aws', bucket: 'b' } }, 'backups.region'],
    [{ ...complete, namespaces: ['default'] }, 'namespaces[0]'],
    [{ ...complete, namespaces: ['slipway-dev', 'Not_Valid'] }, 'namespaces[1]'],
    [{ ...complete, namespaces: [] }, 'namespaces'],
  ])('rejects incomplete or invalid settings, naming the field (%#: %s)', async (config, field) => {
    await expect(read(config)).rejects.toThrow(`stack config ${field} `);
  });

  it('reads the cluster stack to take the kubeconfig from', async () => {
    const connection = await read({ ...complete, clusterStack: 'acme/slipway-cluster-gke/prod' });
    expect(connection.clusterStack).toBe('acme/slipway-cluster-gke/prod');
  });
});
