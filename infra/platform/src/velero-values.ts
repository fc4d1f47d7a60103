import type { BackupProvider } from './backup-provider.ts';
import {
  restrictedContainerSecurityContext,
  restrictedPodSecurityContext,
} from './restricted-security.ts';
import { veleroUpgradeCrdsJob } from './velero-network-policies.ts';
import { veleroPluginImages } from './versions.ts';

/** Velero's ServiceAccount, which the chart creates and the cloud identity is bound to. */
export const veleroServiceAccountName = 'velero';

/** What {@link veleroValues} needs to know. */
export interface VeleroValuesArgs {
  readonly provider: BackupProvider;
  readonly bucket: string;
  /** Provider config for the storage and snapshot locations (`region`, Azure's `resourceGroup`...). */
  readonly locationConfig: Readonly<Record<string, string>>;
  /** Take volume snapshots with the cloud's snapshot API. */
  readonly snapshotVolumes: boolean;
  /** Workload identity binding on the Velero ServiceAccount (IRSA role ARN, GCP service account...). */
  readonly serviceAccountAnnotations: Readonly<Record<string, string>>;
  /** Extra pod labels, e.g. Azure's `azure.workload.identity/use: "true"`. */
  readonly podLabels: Readonly<Record<string, string>>;
}

/** Pod-level security context of Velero's pods: the restricted profile's. */
const veleroPodSecurityContext = restrictedPodSecurityContext;

/** Container-level security context for Velero and its plugin init container. */
const veleroContainerSecurityContext = restrictedContainerSecurityContext;

/**
 * Helm values for the Velero chart: one storage location in the cloud's
 * bucket, the cloud's snapshot location, credentials from workload identity
 * (no long-lived keys in a Secret), no node agent (its privileged hostPath
 * DaemonSet would break the restricted profile; cloud snapshots cover
 * volumes), and security contexts that pass the restricted profile.
 *
 * @example
 * veleroValues({ provider: 'aws', bucket: 'acme-backups', locationConfig: { region: 'eu-west-1' }, snapshotVolumes: true, serviceAccountAnnotations: {}, podLabels: {} });
 */
export function veleroValues(args: VeleroValuesArgs): Record<string, unknown> {
  return {
    initContainers: [
      {
        name: `velero-plugin-for-${args.provider}`,
        image: veleroPluginImages[args.provider],
        imagePullPolicy: 'IfNotPresent',
        volumeMounts: [{ mountPath: '/target', name: 'plugins' }],
        securityContext: veleroContainerSecurityContext,
      },
    ],
    configuration: {
      backupStorageLocation: [
        {
          name: 'default',
          default: true,
          provider: args.provider,
          bucket: args.bucket,
          config: args.locationConfig,
        },
      ],
      volumeSnapshotLocation: args.snapshotVolumes
        ? [{ name: 'default', provider: args.provider, config: args.locationConfig }]
        : [],
    },
    snapshotsEnabled: args.snapshotVolumes,
    deployNodeAgent: false,
    credentials: { useSecret: false },
    serviceAccount: {
      server: {
        create: true,
        name: veleroServiceAccountName,
        annotations: args.serviceAccountAnnotations,
      },
    },
    podLabels: args.podLabels,
    podSecurityContext: veleroPodSecurityContext,
    containerSecurityContext: veleroContainerSecurityContext,
    kubectl: {
      containerSecurityContext: veleroContainerSecurityContext,
      // The CRD upgrade Job's pods carry only these labels: its NetworkPolicy selects them.
      labels: { ...veleroUpgradeCrdsJob.podLabels },
    },
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '512Mi' } },
    // Schedules are a Schedule custom resource owned by this program, not chart values.
    schedules: {},
    // Stated, not left to the chart's default: its clean-up hook would delete Velero's CRDs, and
    // every Backup and Restore record with them, when the release is uninstalled.
    cleanUpCRDs: false,
  };
}
