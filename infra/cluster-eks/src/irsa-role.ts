import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

/** Arguments of {@link createIrsaRole}. */
export interface IrsaRoleArgs {
  /** ARN of the cluster's IAM OpenID Connect provider. */
  readonly oidcProviderArn: pulumi.Input<string>;
  /** The cluster's OIDC issuer without `https://`. */
  readonly oidcIssuer: pulumi.Input<string>;
  /** Namespace of the Kubernetes ServiceAccount that may assume the role. */
  readonly namespace: string;
  /** Name of that ServiceAccount. */
  readonly serviceAccount: string;
}

/**
 * Creates an IAM role that exactly one Kubernetes ServiceAccount can assume
 * (IAM Roles for Service Accounts), so add-ons get cloud permissions without
 * node-wide credentials.
 *
 * @example
 * const role = createIrsaRole('ebs-csi', { oidcProviderArn, oidcIssuer, namespace: 'kube-system', serviceAccount: 'ebs-csi-controller-sa' }, { parent: this });
 */
export function createIrsaRole(
  name: string,
  args: IrsaRoleArgs,
  opts: pulumi.CustomResourceOptions,
): aws.iam.Role {
  const assumeRolePolicy = pulumi
    .all([args.oidcProviderArn, args.oidcIssuer])
    .apply(([providerArn, issuer]) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: providerArn },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: {
                [`${issuer}:sub`]: `system:serviceaccount:${args.namespace}:${args.serviceAccount}`,
                [`${issuer}:aud`]: 'sts.amazonaws.com',
              },
            },
          },
        ],
      }),
    );
  return new aws.iam.Role(name, { assumeRolePolicy }, opts);
}
