import { describe, expect, it } from 'vitest';
import {
  checkRestrictedPodSecurity,
  formatViolations,
  validateKubernetesObject,
} from '@slipway/infra-policy';
import { veleroNetworkAccess } from '../src/velero-network-policies.ts';
import { veleroValues } from '../src/velero-values.ts';

describe('veleroValues', () => {
  it("labels the CRD upgrade Job's pods (they carry only kubectl.labels) so its API server allow selects them", () => {
    const values = veleroValues({
      provider: 'aws',
      bucket: 'b',
      locationConfig: {},
      snapshotVolumes: true,
      serviceAccountAnnotations: {},
      podLabels: {},
    }) as { kubectl: { labels: Record<string, string> } };
    const jobClient = veleroNetworkAccess('aws').apiServerClients.find(
      (client) => client.name === 'velero-upgrade-crds',
    );
    expect(values.kubectl.labels).toEqual({ 'app.kubernetes.io/component': 'velero-upgrade-crds' });
    expect(jobClient?.podLabels).toEqual(values.kubectl.labels);
  });

  it.each(['aws', 'gcp', 'azure'] as const)(
    'configures %s Velero pods that pass the restricted Pod Security Standard',
    (provider) => {
      const values = veleroValues({
        provider,
        bucket: 'b',
        locationConfig: {},
        snapshotVolumes: true,
        serviceAccountAnnotations: {},
        podLabels: {},
      }) as {
        podSecurityContext: object;
        containerSecurityContext: object;
        initContainers: { name: string; image: string; securityContext: object }[];
      };
      const pod = {
        securityContext: values.podSecurityContext,
        initContainers: values.initContainers.map(({ name, image, securityContext }) => ({
          name,
          image,
          securityContext,
        })),
        containers: [
          {
            name: 'velero',
            image: 'velero/velero:v1.18.1',
            securityContext: values.containerSecurityContext,
          },
        ],
      };
      expect(formatViolations(checkRestrictedPodSecurity(pod))).toBe('');
    },
  );

  it.each(['aws', 'gcp', 'azure'] as const)(
    'configures %s storage and snapshot locations that the published Velero CRD schemas accept',
    (provider) => {
      const { configuration } = veleroValues({
        provider,
        bucket: 'acme-velero',
        locationConfig: { region: 'eu-west-1' },
        snapshotVolumes: true,
        serviceAccountAnnotations: {},
        podLabels: {},
      }) as {
        configuration: {
          backupStorageLocation: {
            name: string;
            provider: string;
            bucket: string;
            default: boolean;
            config: object;
          }[];
          volumeSnapshotLocation: { name: string; provider: string; config: object }[];
        };
      };
      // The objects the chart's backupstoragelocation.yaml and volumesnapshotlocation.yaml
      // templates make of these values (charts are not expanded offline).
      const metadata = (name: string) => ({ name, namespace: 'velero' });
      const objects = [
        ...configuration.backupStorageLocation.map((location) => ({
          apiVersion: 'velero.io/v1',
          kind: 'BackupStorageLocation',
          metadata: metadata(location.name),
          spec: {
            provider: location.provider,
            default: location.default,
            objectStorage: { bucket: location.bucket },
            config: location.config,
          },
        })),
        ...configuration.volumeSnapshotLocation.map((location) => ({
          apiVersion: 'velero.io/v1',
          kind: 'VolumeSnapshotLocation',
          metadata: metadata(location.name),
          spec: { provider: location.provider, config: location.config },
        })),
      ];
      expect(objects).toHaveLength(2);
      expect(formatViolations(objects.flatMap((o) => validateKubernetesObject(o)))).toBe('');
    },
  );

  it('turns volume snapshots off entirely when asked', () => {
    expect(
      veleroValues({
        provider: 'aws',
        bucket: 'b',
        locationConfig: {},
        snapshotVolumes: false,
        serviceAccountAnnotations: {},
        podLabels: {},
      }),
    ).toMatchObject({ snapshotsEnabled: false, configuration: { volumeSnapshotLocation: [] } });
  });
});
