import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

/** Arguments of {@link createPodIdentityRole}. */
export interface PodIdentityRoleArgs {
  /** AWS managed policies to attach, by name (`AmazonEBSCSIDriverPolicy`), under `service-role/` when so named. */
  readonly managedPolicies?: readonly string[];
  /** An inline policy document (JSON) for what no managed policy covers. */
  readonly policy?: pulumi.Input<string>;
  /** The AWS partition (`aws`, `aws-cn`...), for managed policy ARNs. */
  readonly partition: pulumi.Input<string>;
}

/** The trust policy of every EKS Pod Identity role: the EKS Auth service, with session tags. */
const podIdentityTrust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'pods.eks.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
    },
  ],
});

/**
 * Creates an IAM role that EKS Pod Identity hands to pods, with its permissions. Which
 * ServiceAccount gets it is decided by an association ({@link associatePodIdentity}, or an
 * add-on's `podIdentityAssociations`), not by the trust policy: no OIDC provider, no annotation.
 *
 * @example
 * const role = createPodIdentityRole('ebs-csi', { partition, managedPolicies: ['service-role/AmazonEBSCSIDriverPolicy'] }, { parent: this });
 */
export function createPodIdentityRole(
  name: string,
  args: PodIdentityRoleArgs,
  opts: pulumi.CustomResourceOptions,
): aws.iam.Role {
  const role = new aws.iam.Role(name, { assumeRolePolicy: podIdentityTrust }, opts);
  for (const policy of args.managedPolicies ?? []) {
    new aws.iam.RolePolicyAttachment(
      `${name}-${policy.split('/').at(-1)}`,
      {
        role: role.name,
        policyArn: pulumi.interpolate`arn:${args.partition}:iam::aws:policy/${policy}`,
      },
      opts,
    );
  }
  if (args.policy) {
    new aws.iam.RolePolicy(`${name}-policy`, { role: role.id, policy: args.policy }, opts);
  }
  return role;
}

/** Arguments of {@link associatePodIdentity}. */
export interface PodIdentityAssociationArgs {
  /** The EKS cluster name. */
  readonly clusterName: pulumi.Input<string>;
  /** Namespace of the ServiceAccount. */
  readonly namespace: string;
  /** Name of the ServiceAccount whose pods get the role. */
  readonly serviceAccount: string;
  /** The role, from {@link createPodIdentityRole}. */
  readonly role: aws.iam.Role;
}

/**
 * Binds a Pod Identity role to one ServiceAccount of the cluster.
 *
 * @example
 * associatePodIdentity('karpenter', { clusterName, namespace: 'kube-system', serviceAccount: 'karpenter', role }, { parent: this });
 */
export function associatePodIdentity(
  name: string,
  args: PodIdentityAssociationArgs,
  opts: pulumi.CustomResourceOptions,
): aws.eks.PodIdentityAssociation {
  return new aws.eks.PodIdentityAssociation(
    name,
    {
      clusterName: args.clusterName,
      namespace: args.namespace,
      serviceAccount: args.serviceAccount,
      roleArn: args.role.arn,
    },
    opts,
  );
}
