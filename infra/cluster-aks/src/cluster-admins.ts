import * as authorization from '@pulumi/azure-native/authorization/index.js';
import type * as pulumi from '@pulumi/pulumi';
import { azureRoles, roleDefinitionId } from './azure-roles.ts';

/** What {@link grantAksAdmins} needs. */
export interface AksAdminsArgs {
  /** The AKS cluster's resource id: the scope of each grant. */
  readonly clusterId: pulumi.Input<string>;
  readonly subscriptionId: pulumi.Input<string>;
  /** Object ids of the Entra ID groups whose members administer the cluster. */
  readonly groupObjectIds: readonly string[];
}

/**
 * Makes each Entra ID group an "Azure Kubernetes Service RBAC Cluster Admin" of the cluster.
 * With Azure RBAC and local accounts off, these grants are the only way into the Kubernetes API:
 * a person or CI identity administers the cluster by being a member of one of these groups.
 *
 * @example grantAksAdmins('slipway', { clusterId: cluster.id, subscriptionId, groupObjectIds }, this);
 */
export function grantAksAdmins(
  name: string,
  args: AksAdminsArgs,
  parent: pulumi.Resource,
): authorization.RoleAssignment[] {
  return args.groupObjectIds.map(
    (groupObjectId) =>
      new authorization.RoleAssignment(
        `${name}-cluster-admin-${groupObjectId}`,
        {
          scope: args.clusterId,
          roleDefinitionId: roleDefinitionId(args.subscriptionId, azureRoles.aksRbacClusterAdmin),
          principalId: groupObjectId,
          principalType: 'Group',
        },
        { parent },
      ),
  );
}
