import {
  azureBuiltInRoles,
  type IdentityGrant,
  type WorkloadIdentity,
} from '@slipway/infra-workload-identity';
import type { BackupProvider } from './backup-provider.ts';
import { fail } from './stack-config-error.ts';

/** Where Velero writes backups and takes snapshots: what its grants are scoped to. */
export interface VeleroGrantsArgs {
  readonly provider: BackupProvider;
  readonly bucket: string;
  /** The locations' provider config (Azure's `subscriptionId`, `resourceGroup`, `storageAccount`; GCP's `project`). */
  readonly locationConfig: Readonly<Record<string, string>>;
  readonly snapshotVolumes: boolean;
}

/** The EC2 and S3 actions velero-plugin-for-aws documents for its IAM policy. */
function awsPolicy(bucket: string, snapshotVolumes: boolean): string {
  const snapshots = {
    Effect: 'Allow',
    Action: [
      'ec2:DescribeVolumes',
      'ec2:DescribeSnapshots',
      'ec2:CreateTags',
      'ec2:CreateVolume',
      'ec2:CreateSnapshot',
      'ec2:DeleteSnapshot',
    ],
    Resource: '*',
  };
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: [
          's3:GetObject',
          's3:DeleteObject',
          's3:PutObject',
          's3:AbortMultipartUpload',
          's3:ListMultipartUploadParts',
        ],
        Resource: `arn:aws:s3:::${bucket}/*`,
      },
      { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: `arn:aws:s3:::${bucket}` },
      ...(snapshotVolumes ? [snapshots] : []),
    ],
  });
}

/** A field of the Azure locations' config the grants are scoped by. */
function azureField(config: Readonly<Record<string, string>>, field: string): string {
  return (
    config[field] ??
    fail(
      `backups.config.${field}`,
      'is required for backups on Azure: Velero is granted access to that storage account and resource group',
    )
  );
}

/**
 * The permissions Velero's identity needs, by name: the backup bucket (S3 actions /
 * `roles/storage.objectAdmin` / Storage Blob Data Contributor on the storage account) and, when
 * it snapshots volumes, the cloud's snapshot API (EC2 / `roles/compute.storageAdmin` / Disk
 * Snapshot Contributor on the resource group).
 * @throws PlatformStackConfigError when the backups' cloud is not the cluster's, or a scope is missing.
 * @example veleroGrants(identity, { provider: 'gcp', bucket: 'acme-velero', locationConfig: {}, snapshotVolumes: true })
 */
export function veleroGrants(
  identity: WorkloadIdentity,
  { provider, bucket, locationConfig, snapshotVolumes }: VeleroGrantsArgs,
): Record<string, IdentityGrant> {
  if (provider !== identity.cloud) {
    fail(
      'backups.provider',
      `is ${provider}, but the cluster stack's cluster runs on ${identity.cloud}: back up to the cluster's cloud`,
    );
  }
  switch (identity.cloud) {
    case 'aws':
      return { access: { cloud: 'aws', policy: awsPolicy(bucket, snapshotVolumes) } };
    case 'gcp': {
      const project = locationConfig.project ?? identity.project;
      return {
        bucket: { cloud: 'gcp', role: 'roles/storage.objectAdmin', bucket },
        ...(snapshotVolumes
          ? { snapshots: { cloud: 'gcp', role: 'roles/compute.storageAdmin', project } as const }
          : {}),
      };
    }
    case 'azure': {
      const group = `/subscriptions/${azureField(locationConfig, 'subscriptionId')}/resourceGroups/${azureField(locationConfig, 'resourceGroup')}`;
      return {
        bucket: {
          cloud: 'azure',
          role: azureBuiltInRoles.storageBlobDataContributor,
          scope: `${group}/providers/Microsoft.Storage/storageAccounts/${azureField(locationConfig, 'storageAccount')}`,
        },
        ...(snapshotVolumes
          ? {
              snapshots: {
                cloud: 'azure',
                role: azureBuiltInRoles.diskSnapshotContributor,
                scope: group,
              } as const,
            }
          : {}),
      };
    }
  }
}
