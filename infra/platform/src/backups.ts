import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { ServiceAccountIdentity, type WorkloadIdentity } from '@slipway/infra-workload-identity';
import { componentType, productNames } from '@slipway/platform-contract';
import { environmentProfiles } from '@slipway/service-manifest';
import { createAddonNamespace } from './addon-namespace.ts';
import type { ApiServerEndpoints } from './api-server-endpoints.ts';
import type { BackupProvider } from './backup-provider.ts';
import { helmChartArgs } from './helm-chart.ts';
import { type PodSecurityLevel, platformLabels } from './platform-labels.ts';
import { veleroGrants } from './velero-grants.ts';
import { veleroNetworkAccess } from './velero-network-policies.ts';
import { veleroServiceAccountName, veleroValues } from './velero-values.ts';
import { veleroChart } from './versions.ts';

/** Without a schedule or TTL given, prod's: the component never backs up less than production does. */
const defaultBackups = environmentProfiles.prod.backups;

/** Arguments of {@link Backups}. */
export interface BackupsArgs {
  /** The cloud holding the bucket and taking the snapshots: `aws`, `gcp` or `azure`. */
  readonly provider: BackupProvider;
  /** The bucket (Azure: blob container) backups are written to. */
  readonly bucket: string;
  /** Provider config of the locations: `region` on AWS; `resourceGroup`, `storageAccount`, `subscriptionId` on Azure. Default: none. */
  readonly locationConfig?: Readonly<Record<string, string>>;
  /** Namespaces each backup includes. */
  readonly includedNamespaces: readonly string[];
  /** Cron expression of the backup schedule. Default: prod's profile (hourly). */
  readonly schedule?: string;
  /** How long each backup is kept, as a Go duration. Default: prod's profile (30 days). */
  readonly ttl?: string;
  /** Snapshot persistent volumes with each backup. Default: true. */
  readonly snapshotVolumes?: boolean;
  /**
   * The cluster's workload identity: Velero's ServiceAccount gets a cloud identity with access
   * to the bucket and the snapshots. Default: none (a cluster without a cluster stack).
   */
  readonly workloadIdentity?: WorkloadIdentity;
  /** Annotations on Velero's ServiceAccount, over those of its identity. Default: none. */
  readonly serviceAccountAnnotations?: Readonly<Record<string, string>>;
  /** Extra labels on Velero's pods (Azure workload identity needs one). Default: none. */
  readonly podLabels?: Readonly<Record<string, string>>;
  /** Pod Security level enforced in the `velero` namespace. Default: `restricted`. */
  readonly podSecurityLevel?: PodSecurityLevel;
  /** Pod Security Standards version the namespace labels pin. */
  readonly podSecurityVersion: string;
  /** Where the API server is, for the namespace's egress policies. */
  readonly apiServer: pulumi.Input<ApiServerEndpoints>;
}

/**
 * Scheduled backups with Velero: the chart, and a `Schedule` that backs up
 * the environment namespaces' resources and snapshots their volumes into the
 * cloud's bucket, hourly by default. Backups live outside the cluster, so a
 * lost control plane is a restore into a new cluster, not a rebuild from memory.
 *
 * @example
 * new Backups('backups', { provider: 'aws', bucket: 'acme-velero', locationConfig: { region: 'eu-west-1' }, includedNamespaces: ['slipway-prod'], podSecurityVersion: 'v1.35', apiServer }, { provider });
 */
export class Backups extends pulumi.ComponentResource {
  /** Name of the Velero Schedule, for `velero backup create --from-schedule`. */
  readonly scheduleName: pulumi.Output<string>;
  /** The cron expression in force. */
  readonly schedule: pulumi.Output<string>;

  constructor(name: string, args: BackupsArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('platform', 'Backups'), name, {}, opts);
    const schedule = args.schedule ?? defaultBackups.schedule;
    const snapshotVolumes = args.snapshotVolumes ?? true;
    const [namespace, ...policies] = createAddonNamespace(
      `${name}-namespace`,
      {
        namespace: 'velero',
        podSecurityLevel: args.podSecurityLevel ?? 'restricted',
        podSecurityVersion: args.podSecurityVersion,
        network: veleroNetworkAccess(args.provider),
        apiServer: args.apiServer,
      },
      { parent: this },
    );

    const locationConfig = args.locationConfig ?? {};
    const identity = args.workloadIdentity
      ? new ServiceAccountIdentity(
          `${name}-identity`,
          {
            identity: args.workloadIdentity,
            namespace: 'velero',
            serviceAccount: veleroServiceAccountName,
          },
          { parent: this },
        )
      : undefined;
    if (identity && args.workloadIdentity) {
      const grants = veleroGrants(args.workloadIdentity, {
        ...args,
        locationConfig,
        snapshotVolumes,
      });
      for (const [grantName, grant] of Object.entries(grants)) identity.grant(grantName, grant);
    }
    const values = (annotations: Readonly<Record<string, string>>) =>
      veleroValues({
        provider: args.provider,
        bucket: args.bucket,
        locationConfig,
        snapshotVolumes,
        serviceAccountAnnotations: { ...annotations, ...args.serviceAccountAnnotations },
        podLabels: { ...identity?.podLabels, ...args.podLabels },
      });

    const release = new k8s.helm.v3.Release(
      name,
      {
        name: 'velero',
        namespace: namespace.metadata.name,
        ...helmChartArgs(veleroChart),
        values: identity ? identity.serviceAccountAnnotations.apply(values) : values({}),
      },
      // The identity, its grants and the namespace's policies first, so Velero's first pod starts
      // with its credentials and its network.
      { parent: this, dependsOn: [...policies, ...(identity ? [identity] : [])] },
    );

    const scheduleName = `${productNames.name}-environments`;
    new k8s.apiextensions.CustomResource(
      `${name}-schedule`,
      {
        apiVersion: 'velero.io/v1',
        kind: 'Schedule',
        metadata: {
          name: scheduleName,
          namespace: 'velero',
          labels: platformLabels(scheduleName, scheduleName, 'backup-schedule'),
        },
        spec: {
          schedule,
          // Deleting the Schedule must never delete the backups it made.
          useOwnerReferencesInBackup: false,
          template: {
            includedNamespaces: [...args.includedNamespaces],
            snapshotVolumes,
            storageLocation: 'default',
            ...(snapshotVolumes ? { volumeSnapshotLocations: ['default'] } : {}),
            ttl: args.ttl ?? defaultBackups.ttl,
          },
        },
      },
      // The Schedule kind exists only once the chart has installed Velero's CRDs.
      { parent: this, dependsOn: [release] },
    );

    this.scheduleName = pulumi.output(scheduleName);
    this.schedule = pulumi.output(schedule);
    this.registerOutputs({ scheduleName: this.scheduleName, schedule: this.schedule });
  }
}
