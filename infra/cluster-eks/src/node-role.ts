import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

/** The AWS managed policies every EKS worker node needs: kubelet, VPC CNI, image pulls. */
const nodePolicyNames = [
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKS_CNI_Policy',
  'AmazonEC2ContainerRegistryPullOnly',
] as const;

/**
 * Creates an IAM role EC2 worker nodes run as (the system node group's, Karpenter's nodes'), with
 * the AWS managed policies EKS nodes need and nothing more.
 *
 * @example
 * const role = createNodeRole('slipway-system-nodes', 'aws', { parent: this });
 */
export function createNodeRole(
  name: string,
  partition: pulumi.Input<string>,
  opts: pulumi.CustomResourceOptions,
): aws.iam.Role {
  const role = new aws.iam.Role(
    name,
    {
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'ec2.amazonaws.com' },
            Action: 'sts:AssumeRole',
          },
        ],
      }),
    },
    opts,
  );
  for (const policy of nodePolicyNames) {
    new aws.iam.RolePolicyAttachment(
      `${name}-${policy}`,
      {
        role: role.name,
        policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/${policy}`,
      },
      opts,
    );
  }
  return role;
}
