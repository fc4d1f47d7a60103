import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';

/**
 * The nodes' IAM roles: GKE's own least-privilege node role (logs, metrics, autoscaling
 * signals) and image pulls. Workloads never use this account; they get their own identity
 * through Workload Identity Federation.
 */
const nodeServiceAccountRoles = [
  'roles/container.defaultNodeServiceAccount',
  'roles/artifactregistry.reader',
] as const;

/** Arguments of {@link nodeServiceAccount}. */
export interface NodeServiceAccountArgs {
  readonly project: string;
  readonly clusterName: string;
}

/**
 * A dedicated service account for the cluster's nodes instead of the Compute Engine default
 * one (which is project Editor), with {@link nodeServiceAccountRoles} only.
 * @example const email = nodeServiceAccount('slipway-nodes', { project, clusterName }, { parent: this });
 */
export function nodeServiceAccount(
  name: string,
  args: NodeServiceAccountArgs,
  opts: pulumi.CustomResourceOptions,
): pulumi.Output<string> {
  const account = new gcp.serviceaccount.Account(
    name,
    // Service account ids are at most 30 characters.
    { accountId: `${args.clusterName}-nodes`.slice(0, 30), displayName: 'GKE nodes' },
    opts,
  );
  for (const role of nodeServiceAccountRoles) {
    new gcp.projects.IAMMember(
      `${name}-${role.split('/')[1]}`,
      {
        project: args.project,
        role,
        member: pulumi.interpolate`serviceAccount:${account.email}`,
      },
      opts,
    );
  }
  return account.email;
}
