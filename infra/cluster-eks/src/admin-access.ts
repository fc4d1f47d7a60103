import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

/** Arguments of {@link grantEksAdmins}. */
export interface EksAdminsArgs {
  /** The EKS cluster name. */
  readonly clusterName: pulumi.Input<string>;
  /** IAM roles that get cluster admin. */
  readonly roleArns: readonly string[];
  /** The AWS partition, for the access policy ARN. */
  readonly partition: pulumi.Input<string>;
}

/**
 * Gives each IAM role cluster-wide admin through an EKS access entry and the
 * `AmazonEKSClusterAdminPolicy` access policy: the API-mode replacement of the aws-auth
 * ConfigMap, managed through the EKS API and visible in CloudTrail.
 *
 * @example
 * grantEksAdmins('slipway-admin', { clusterName, partition, roleArns: ['arn:aws:iam::123456789012:role/platform-admins'] }, { parent: this });
 */
export function grantEksAdmins(
  name: string,
  args: EksAdminsArgs,
  opts: pulumi.CustomResourceOptions,
): aws.eks.AccessPolicyAssociation[] {
  return args.roleArns.map((principalArn) => {
    // The role's name (its last path segment) keeps the resource name stable when the list is reordered.
    const entryName = `${name}-${principalArn.split('/').at(-1)}`;
    const entry = new aws.eks.AccessEntry(
      entryName,
      { clusterName: args.clusterName, principalArn, type: 'STANDARD' },
      opts,
    );
    return new aws.eks.AccessPolicyAssociation(
      entryName,
      {
        clusterName: args.clusterName,
        principalArn,
        policyArn: pulumi.interpolate`arn:${args.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`,
        accessScope: { type: 'cluster' },
      },
      { ...opts, dependsOn: [entry] },
    );
  });
}
