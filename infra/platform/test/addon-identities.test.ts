import * as k8s from '@pulumi/kubernetes';
import { beforeAll, describe, expect, it } from 'vitest';
import { installMocks, named, ofType, type RecordedResource, settle } from '@slipway/infra-testing';
import type { WorkloadIdentity } from '@slipway/infra-workload-identity';
import { identityOutputs, workloadIdentities } from '@slipway/infra-workload-identity/testing';
import { Platform, type PlatformArgs } from '../src/platform.ts';
import { releaseType, testApiServer } from './deploy-platform.ts';

/** The platform's add-ons on a cluster with workload identity, under mocks. */
async function deployOn(
  workloadIdentity: WorkloadIdentity,
  parts: Pick<PlatformArgs, 'certManager' | 'backups'>,
): Promise<RecordedResource[]> {
  const resources = await installMocks({
    project: 'slipway-platform',
    outputsOf: identityOutputs,
  });
  const provider = new k8s.Provider('cluster', {});
  new Platform(
    'slipway',
    { namespaces: ['slipway-dev'], workloadIdentity, apiServer: () => testApiServer, ...parts },
    { providers: { kubernetes: provider } },
  );
  await settle();
  return resources;
}

const email = 'platform@example.com';
const valuesOf = (resources: RecordedResource[], release: string) =>
  ofType(resources, releaseType).find((r) => r.inputs.name === release)?.inputs.values as {
    serviceAccount: Record<string, { annotations?: unknown } | unknown>;
    podLabels: Record<string, string>;
  };
const policyOf = (resources: RecordedResource[], name: string) =>
  JSON.parse(named(resources, 'aws:iam/rolePolicy:RolePolicy', name).inputs.policy as string) as {
    Statement: { Action: string | string[]; Resource: string }[];
  };

describe('Velero and cert-manager on EKS (Pod Identity)', () => {
  let resources: RecordedResource[];
  beforeAll(async () => {
    resources = await deployOn(workloadIdentities.aws, {
      certManager: {
        email,
        dns01: { provider: 'route53', region: 'eu-west-1', hostedZoneID: 'Z1' },
      },
      backups: { provider: 'aws', bucket: 'acme-velero', locationConfig: { region: 'eu-west-1' } },
    });
  });

  it.each([
    ['slipway-backups-identity', 'velero', 'velero'],
    ['slipway-cert-manager-identity', 'cert-manager', 'cert-manager'],
  ])('binds %s to the ServiceAccount %s/%s', (identity, namespace, serviceAccount) => {
    expect(
      named(
        resources,
        'aws:eks/podIdentityAssociation:PodIdentityAssociation',
        `${identity}-association`,
      ).inputs,
    ).toMatchObject({ clusterName: 'slipway-dev', namespace, serviceAccount });
  });

  it('lets Velero use the backup bucket and take EC2 snapshots', () => {
    const statements = policyOf(resources, 'slipway-backups-identity-access').Statement;
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Action: expect.arrayContaining(['s3:PutObject']),
          Resource: 'arn:aws:s3:::acme-velero/*',
        }),
        expect.objectContaining({
          Action: ['s3:ListBucket'],
          Resource: 'arn:aws:s3:::acme-velero',
        }),
        expect.objectContaining({ Action: expect.arrayContaining(['ec2:CreateSnapshot']) }),
      ]),
    );
  });

  it('lets cert-manager change records in the hosted zone only', () => {
    expect(policyOf(resources, 'slipway-cert-manager-identity-dns').Statement).toContainEqual({
      Effect: 'Allow',
      Action: ['route53:ChangeResourceRecordSets', 'route53:ListResourceRecordSets'],
      Resource: 'arn:aws:route53:::hostedzone/Z1',
    });
  });

  it('needs no annotation on the ServiceAccounts: the association binds them', () => {
    expect(valuesOf(resources, 'velero').serviceAccount).toMatchObject({
      server: { name: 'velero', annotations: {} },
    });
    expect(valuesOf(resources, 'cert-manager').serviceAccount).toEqual({
      name: 'cert-manager',
      annotations: {},
    });
  });
});

describe('Velero and cert-manager on GKE (Workload Identity Federation)', () => {
  let resources: RecordedResource[];
  beforeAll(async () => {
    resources = await deployOn(workloadIdentities.gcp, {
      certManager: { email, dns01: { provider: 'cloudDNS', project: 'acme-dns' } },
      backups: { provider: 'gcp', bucket: 'acme-velero' },
    });
  });
  const principal = (namespace: string, account: string) =>
    `principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/acme-dev.svc.id.goog/subject/ns/${namespace}/sa/${account}`;

  it('grants Velero the bucket and compute snapshots in the cluster project', () => {
    expect(
      named(
        resources,
        'gcp:storage/bucketIAMMember:BucketIAMMember',
        'slipway-backups-identity-bucket',
      ).inputs,
    ).toMatchObject({
      bucket: 'acme-velero',
      role: 'roles/storage.objectAdmin',
      member: principal('velero', 'velero'),
    });
    expect(
      named(resources, 'gcp:projects/iAMMember:IAMMember', 'slipway-backups-identity-snapshots')
        .inputs,
    ).toMatchObject({
      project: 'acme-dev',
      role: 'roles/compute.storageAdmin',
      member: principal('velero', 'velero'),
    });
  });

  it('grants cert-manager DNS admin on the DNS project', () => {
    expect(
      named(resources, 'gcp:projects/iAMMember:IAMMember', 'slipway-cert-manager-identity-dns')
        .inputs,
    ).toMatchObject({
      project: 'acme-dns',
      role: 'roles/dns.admin',
      member: principal('cert-manager', 'cert-manager'),
    });
  });
});

describe('Velero and cert-manager on AKS (Azure workload identity)', () => {
  const subscription = '/subscriptions/0000';
  let resources: RecordedResource[];
  beforeAll(async () => {
    resources = await deployOn(workloadIdentities.azure, {
      certManager: {
        email,
        dns01: {
          provider: 'azureDNS',
          subscriptionID: '0000',
          resourceGroupName: 'dns',
          hostedZoneName: 'example.com',
        },
      },
      backups: {
        provider: 'azure',
        bucket: 'velero',
        locationConfig: {
          subscriptionId: '0000',
          resourceGroup: 'backups',
          storageAccount: 'acme',
        },
      },
    });
  });
  const assignment = (name: string) =>
    named(resources, 'azure-native:authorization:RoleAssignment', name).inputs;
  const role = (guid: string) =>
    `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

  it('assigns Velero blob access on the storage account and snapshots on the resource group', () => {
    expect(assignment('slipway-backups-identity-bucket')).toMatchObject({
      principalId: 'principal-slipway-backups-identity',
      scope: `${subscription}/resourceGroups/backups/providers/Microsoft.Storage/storageAccounts/acme`,
      roleDefinitionId: role('ba92f5b4-2d11-453d-a403-e96b0029c9fe'),
    });
    expect(assignment('slipway-backups-identity-snapshots')).toMatchObject({
      scope: `${subscription}/resourceGroups/backups`,
      roleDefinitionId: role('7efff54f-a5b4-42b5-a1c5-5411624893ce'),
    });
  });

  it('assigns cert-manager DNS Zone Contributor on the zone', () => {
    expect(assignment('slipway-cert-manager-identity-dns')).toMatchObject({
      principalId: 'principal-slipway-cert-manager-identity',
      scope: `${subscription}/resourceGroups/dns/providers/Microsoft.Network/dnszones/example.com`,
      roleDefinitionId: role('befefa01-2a29-4197-83a8-272ff33ce314'),
    });
  });

  it.each([
    ['velero', 'slipway-backups-identity'],
    ['cert-manager', 'slipway-cert-manager-identity'],
  ])('annotates %s with its client id and labels its pods for the webhook', (release, identity) => {
    const values = valuesOf(resources, release);
    expect(JSON.stringify(values.serviceAccount)).toContain(
      `"annotations":{"azure.workload.identity/client-id":"client-${identity}"}`,
    );
    expect(values.podLabels).toEqual({ 'azure.workload.identity/use': 'true' });
  });
});
