// Provider submodules only: a program on one cloud never loads the other clouds' SDKs whole.
import * as eks from '@pulumi/aws/eks/index.js';
import * as iam from '@pulumi/aws/iam/index.js';
import { Provider as AwsProvider } from '@pulumi/aws/provider.js';
import * as authorization from '@pulumi/azure-native/authorization/index.js';
import * as managedidentity from '@pulumi/azure-native/managedidentity/index.js';
import * as projects from '@pulumi/gcp/projects/index.js';
import * as storage from '@pulumi/gcp/storage/index.js';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '@slipway/platform-contract';
import type { WorkloadIdentity } from './cluster-outputs.ts';
import { azureRoleDefinitionId, type IdentityGrant } from './identity-grant.ts';

/** The audience Azure workload identity's projected token carries. */
const azureTokenAudience = 'api://AzureADTokenExchange';

/** Arguments of {@link ServiceAccountIdentity}. */
export interface ServiceAccountIdentityArgs {
  /** How the cluster gives pods a cloud identity: the cluster stack's `workloadIdentity` output; required. */
  readonly identity: WorkloadIdentity;
  /** The ServiceAccount's namespace; required. */
  readonly namespace: string;
  /** The ServiceAccount's name; required. */
  readonly serviceAccount: string;
}

/**
 * The GCP principal of a Kubernetes ServiceAccount under Workload Identity Federation for GKE:
 * IAM grants name it directly, with no Google service account in between.
 * @example gcpPrincipal(identity, 'slipway-dev', 'orders') // 'principal://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/acme.svc.id.goog/subject/ns/slipway-dev/sa/orders'
 */
function gcpPrincipal(
  identity: Extract<WorkloadIdentity, { cloud: 'gcp' }>,
  namespace: string,
  serviceAccount: string,
): string {
  return `principal://iam.googleapis.com/projects/${identity.projectNumber}/locations/global/workloadIdentityPools/${identity.workloadPool}/subject/ns/${namespace}/sa/${serviceAccount}`;
}

/**
 * The trust policy of an EKS Pod Identity role: only the Pod Identity agent may assume it, and
 * only for this cluster, namespace and ServiceAccount (the session tags it sets on every request).
 */
function podIdentityTrustPolicy(
  clusterName: string,
  namespace: string,
  serviceAccount: string,
): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'pods.eks.amazonaws.com' },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: {
          StringEquals: {
            'aws:RequestTag/eks-cluster-name': clusterName,
            'aws:RequestTag/kubernetes-namespace': namespace,
            'aws:RequestTag/kubernetes-service-account': serviceAccount,
          },
        },
      },
    ],
  });
}

/**
 * A Kubernetes ServiceAccount's identity on the cluster's cloud, created from the cluster's
 * `workloadIdentity` so no role ARN or client id is typed by hand:
 * - aws: an IAM role trusting EKS Pod Identity and the association binding it to the ServiceAccount;
 * - gcp: nothing to create: grants name the ServiceAccount's federated principal;
 * - azure: a user-assigned identity federated with the cluster's OIDC issuer for the ServiceAccount.
 * Put {@link serviceAccountAnnotations} on the ServiceAccount and {@link podLabels} on its pods;
 * give it permissions with {@link grant}.
 * @example
 * const identity = new ServiceAccountIdentity('orders-identity', { identity: workloadIdentity, namespace: 'slipway-dev', serviceAccount: 'orders' });
 * identity.grant('bucket', { cloud: 'gcp', role: 'roles/storage.objectViewer', bucket: 'acme-assets' });
 */
export class ServiceAccountIdentity extends pulumi.ComponentResource {
  /** Who IAM grants name: the IAM role ARN, the GCP principal URI or the Azure identity's principal id. */
  readonly principal: pulumi.Output<string>;
  /** Annotations the ServiceAccount needs (Azure: the identity's client id); empty elsewhere. */
  readonly serviceAccountAnnotations: pulumi.Output<Record<string, string>>;
  /** Labels the ServiceAccount's pods need (Azure: the webhook's opt-in); empty elsewhere. */
  readonly podLabels: Readonly<Record<string, string>>;
  private readonly cloud: WorkloadIdentity['cloud'];
  private readonly name: string;
  private readonly awsRole: { role: iam.Role; provider: AwsProvider } | undefined;

  constructor(
    name: string,
    args: ServiceAccountIdentityArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(componentType('identity', 'ServiceAccountIdentity'), name, {}, opts);
    const { identity, namespace, serviceAccount } = args;
    const child = { parent: this };
    this.name = name;
    this.cloud = identity.cloud;
    this.awsRole = undefined;
    this.podLabels = {};
    this.serviceAccountAnnotations = pulumi.output<Record<string, string>>({});
    const description = `${namespace}/${serviceAccount}`;

    switch (identity.cloud) {
      case 'aws': {
        // The cluster's region, stated: never the region a person's shell happens to have.
        const provider = new AwsProvider(`${name}-aws`, { region: identity.region }, child);
        const role = new iam.Role(
          `${name}-role`,
          {
            description: `EKS Pod Identity of ${description} on ${identity.clusterName}`,
            assumeRolePolicy: podIdentityTrustPolicy(
              identity.clusterName,
              namespace,
              serviceAccount,
            ),
          },
          { ...child, provider },
        );
        new eks.PodIdentityAssociation(
          `${name}-association`,
          { clusterName: identity.clusterName, namespace, serviceAccount, roleArn: role.arn },
          { ...child, provider },
        );
        this.awsRole = { role, provider };
        this.principal = role.arn;
        break;
      }
      case 'gcp':
        this.principal = pulumi.output(gcpPrincipal(identity, namespace, serviceAccount));
        break;
      case 'azure': {
        const { resourceGroupName, location } = identity;
        const managed = new managedidentity.UserAssignedIdentity(
          name,
          { resourceGroupName, location, tags: { serviceAccount: description } },
          child,
        );
        new managedidentity.FederatedIdentityCredential(
          `${name}-federation`,
          {
            resourceGroupName,
            resourceName: managed.name,
            issuer: identity.oidcIssuerUrl,
            subject: `system:serviceaccount:${namespace}:${serviceAccount}`,
            audiences: [azureTokenAudience],
          },
          child,
        );
        this.principal = managed.principalId;
        this.serviceAccountAnnotations = managed.clientId.apply(
          (clientId): Record<string, string> => ({ 'azure.workload.identity/client-id': clientId }),
        );
        this.podLabels = { 'azure.workload.identity/use': 'true' };
        break;
      }
    }
    this.registerOutputs({ principal: this.principal });
  }

  /**
   * Gives the identity a permission, named `<identity>-<name>`. The grant's cloud must be the
   * cluster's.
   * @example identity.grant('zone', { cloud: 'azure', role: azureBuiltInRoles.dnsZoneContributor, scope: zoneId });
   */
  grant(name: string, grant: IdentityGrant): pulumi.CustomResource {
    if (grant.cloud !== this.cloud) {
      throw new Error(
        `${this.name}: a ${grant.cloud} grant ('${name}') for an identity on ${this.cloud}: grant in the cluster's cloud`,
      );
    }
    const resourceName = `${this.name}-${name}`;
    const child = { parent: this };
    switch (grant.cloud) {
      case 'aws': {
        // Only an aws identity has a role, checked just above.
        const { role, provider } = this.awsRole as NonNullable<typeof this.awsRole>;
        return new iam.RolePolicy(
          resourceName,
          { role: role.name, policy: grant.policy },
          { ...child, provider },
        );
      }
      case 'gcp':
        return 'bucket' in grant
          ? new storage.BucketIAMMember(
              resourceName,
              { bucket: grant.bucket, role: grant.role, member: this.principal },
              child,
            )
          : new projects.IAMMember(
              resourceName,
              { project: grant.project, role: grant.role, member: this.principal },
              child,
            );
      case 'azure':
        return new authorization.RoleAssignment(
          resourceName,
          {
            principalId: this.principal,
            principalType: 'ServicePrincipal',
            scope: grant.scope,
            roleDefinitionId: pulumi
              .output(grant.scope)
              .apply((scope) => azureRoleDefinitionId(scope, grant.role)),
          },
          child,
        );
    }
  }
}
