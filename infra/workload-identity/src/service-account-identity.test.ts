import { describe, expect, it } from 'vitest';
import {
  installMocks,
  named,
  promiseOf,
  type RecordedResource,
  settle,
} from '@slipway/infra-testing';
import { identityOutputs, workloadIdentities } from './identity-fixtures.ts';
import { azureBuiltInRoles, type IdentityGrant } from './identity-grant.ts';
import { ServiceAccountIdentity } from './service-account-identity.ts';

type Cloud = keyof typeof workloadIdentities;

/** One ServiceAccount's identity (`slipway-dev/orders`) on a cloud, with the given grants. */
async function createIdentity(cloud: Cloud, grants: Record<string, IdentityGrant> = {}) {
  const resources = await installMocks({ project: 'identity-test', outputsOf: identityOutputs });
  const identity = new ServiceAccountIdentity('orders-identity', {
    identity: workloadIdentities[cloud],
    namespace: 'slipway-dev',
    serviceAccount: 'orders',
  });
  for (const [name, grant] of Object.entries(grants)) identity.grant(name, grant);
  const principal = await promiseOf(identity.principal);
  const annotations = await promiseOf(identity.serviceAccountAnnotations);
  await settle();
  return { identity, resources, principal, annotations };
}

const cloudResources = (resources: readonly RecordedResource[]) =>
  resources.filter((r) => !r.type.startsWith('slipway:')).map((r) => r.type);

describe('ServiceAccountIdentity on EKS (Pod Identity)', () => {
  it('creates a role only Pod Identity may assume, for this cluster, namespace and ServiceAccount', async () => {
    const { resources } = await createIdentity('aws');
    const role = named(resources, 'aws:iam/role:Role', 'orders-identity-role');
    expect(JSON.parse(role.inputs.assumeRolePolicy as string)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'pods.eks.amazonaws.com' },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Condition: {
            StringEquals: {
              'aws:RequestTag/eks-cluster-name': 'slipway-dev',
              'aws:RequestTag/kubernetes-namespace': 'slipway-dev',
              'aws:RequestTag/kubernetes-service-account': 'orders',
            },
          },
        },
      ],
    });
  });

  it('binds the role to the ServiceAccount with a pod identity association, in the cluster region', async () => {
    const { resources, principal, annotations, identity } = await createIdentity('aws');
    const association = named(
      resources,
      'aws:eks/podIdentityAssociation:PodIdentityAssociation',
      'orders-identity-association',
    );
    expect(association.inputs).toMatchObject({
      clusterName: 'slipway-dev',
      namespace: 'slipway-dev',
      serviceAccount: 'orders',
      roleArn: 'arn:aws:iam::123456789012:role/orders-identity-role',
    });
    expect(named(resources, 'pulumi:providers:aws', 'orders-identity-aws').inputs.region).toBe(
      'eu-west-1',
    );
    expect(principal).toBe('arn:aws:iam::123456789012:role/orders-identity-role');
    expect(annotations).toEqual({});
    expect(identity.podLabels).toEqual({});
  });

  it('grants a policy as an inline policy of the role', async () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [] });
    const { resources } = await createIdentity('aws', { bucket: { cloud: 'aws', policy } });
    expect(
      named(resources, 'aws:iam/rolePolicy:RolePolicy', 'orders-identity-bucket').inputs,
    ).toMatchObject({ role: 'orders-identity-role', policy });
  });
});

describe('ServiceAccountIdentity on GKE (Workload Identity Federation)', () => {
  it('creates nothing and names the ServiceAccount by its federated principal', async () => {
    const { resources, principal, annotations, identity } = await createIdentity('gcp');
    expect(cloudResources(resources)).toEqual([]);
    expect(principal).toBe(
      'principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/acme-dev.svc.id.goog/subject/ns/slipway-dev/sa/orders',
    );
    expect(annotations).toEqual({});
    expect(identity.podLabels).toEqual({});
  });

  it('grants roles on a bucket or a project to that principal', async () => {
    const { resources, principal } = await createIdentity('gcp', {
      bucket: { cloud: 'gcp', role: 'roles/storage.objectAdmin', bucket: 'acme-velero' },
      dns: { cloud: 'gcp', role: 'roles/dns.admin', project: 'acme-dns' },
    });
    expect(
      named(resources, 'gcp:storage/bucketIAMMember:BucketIAMMember', 'orders-identity-bucket')
        .inputs,
    ).toMatchObject({
      bucket: 'acme-velero',
      role: 'roles/storage.objectAdmin',
      member: principal,
    });
    expect(
      named(resources, 'gcp:projects/iAMMember:IAMMember', 'orders-identity-dns').inputs,
    ).toMatchObject({ project: 'acme-dns', role: 'roles/dns.admin', member: principal });
  });
});

describe('ServiceAccountIdentity on AKS (Azure workload identity)', () => {
  it('federates a user-assigned identity with the cluster issuer for the ServiceAccount', async () => {
    const { resources } = await createIdentity('azure');
    expect(
      named(resources, 'azure-native:managedidentity:UserAssignedIdentity', 'orders-identity')
        .inputs,
    ).toMatchObject({ resourceGroupName: 'slipway-dev', location: 'westeurope' });
    expect(
      named(
        resources,
        'azure-native:managedidentity:FederatedIdentityCredential',
        'orders-identity-federation',
      ).inputs,
    ).toMatchObject({
      resourceGroupName: 'slipway-dev',
      resourceName: 'orders-identity',
      issuer: workloadIdentities.azure.oidcIssuerUrl,
      subject: 'system:serviceaccount:slipway-dev:orders',
      audiences: ['api://AzureADTokenExchange'],
    });
  });

  it("annotates the ServiceAccount with the identity's client id and labels its pods for the webhook", async () => {
    const { principal, annotations, identity } = await createIdentity('azure');
    expect(principal).toBe('principal-orders-identity');
    expect(annotations).toEqual({ 'azure.workload.identity/client-id': 'client-orders-identity' });
    expect(identity.podLabels).toEqual({ 'azure.workload.identity/use': 'true' });
  });

  it('assigns a built-in role on a scope, in that scope’s subscription', async () => {
    const scope = '/subscriptions/0000/resourceGroups/dns/providers/Microsoft.Network/dnszones/x';
    const { resources } = await createIdentity('azure', {
      zone: { cloud: 'azure', role: azureBuiltInRoles.dnsZoneContributor, scope },
    });
    expect(
      named(resources, 'azure-native:authorization:RoleAssignment', 'orders-identity-zone').inputs,
    ).toMatchObject({
      principalId: 'principal-orders-identity',
      principalType: 'ServicePrincipal',
      scope,
      roleDefinitionId: `/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/${azureBuiltInRoles.dnsZoneContributor}`,
    });
  });
});

describe('ServiceAccountIdentity.grant', () => {
  it("refuses a grant in another cloud than the cluster's", async () => {
    await installMocks({ project: 'identity-test', outputsOf: identityOutputs });
    const identity = new ServiceAccountIdentity('orders-identity', {
      identity: workloadIdentities.gcp,
      namespace: 'slipway-dev',
      serviceAccount: 'orders',
    });
    expect(() => identity.grant('bucket', { cloud: 'aws', policy: '{}' })).toThrow(
      "a aws grant ('bucket') for an identity on gcp",
    );
    await settle();
  });
});
