import { describe, expect, it } from 'vitest';
import { workloadIdentities } from '@slipway/infra-workload-identity/testing';
import { veleroGrants } from './velero-grants.ts';

const azure = { subscriptionId: '0000', resourceGroup: 'backups', storageAccount: 'acme' };

describe('veleroGrants', () => {
  it('grants no snapshot access when Velero takes no snapshots', () => {
    const location = { bucket: 'b', snapshotVolumes: false };
    expect(
      Object.keys(
        veleroGrants(workloadIdentities.gcp, { provider: 'gcp', locationConfig: {}, ...location }),
      ),
    ).toEqual(['bucket']);
    expect(
      Object.keys(
        veleroGrants(workloadIdentities.azure, {
          provider: 'azure',
          locationConfig: azure,
          ...location,
        }),
      ),
    ).toEqual(['bucket']);
    expect(
      veleroGrants(workloadIdentities.aws, { provider: 'aws', locationConfig: {}, ...location })
        .access,
    ).not.toHaveProperty('policy', expect.stringContaining('ec2:'));
  });

  it("takes GCP snapshots in the locations' project when it names one", () => {
    expect(
      veleroGrants(workloadIdentities.gcp, {
        provider: 'gcp',
        bucket: 'b',
        locationConfig: { project: 'acme-backups' },
        snapshotVolumes: true,
      }).snapshots,
    ).toMatchObject({ project: 'acme-backups' });
  });

  it.each([
    [
      'backups on another cloud than the cluster',
      { provider: 'aws', locationConfig: {} },
      "stack config backups.provider is aws, but the cluster stack's cluster runs on azure",
    ],
    [
      'Azure backups without a storage account',
      { provider: 'azure', locationConfig: { ...azure, storageAccount: undefined } },
      'stack config backups.config.storageAccount is required for backups on Azure',
    ],
  ] as const)('refuses %s, naming the field', (_, args, message) => {
    expect(() =>
      veleroGrants(workloadIdentities.azure, {
        bucket: 'b',
        snapshotVolumes: true,
        ...args,
        locationConfig: args.locationConfig as Record<string, string>,
      }),
    ).toThrow(message);
  });
});
