import * as pulumi from '@pulumi/pulumi';

/**
 * The built-in Azure roles the cluster program assigns, by their well-known GUIDs (the same in
 * every tenant; see "Azure built-in roles" in the Azure RBAC docs).
 */
export const azureRoles = {
  /** "Azure Kubernetes Service RBAC Cluster Admin": every Kubernetes action on the whole cluster. */
  aksRbacClusterAdmin: 'b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b',
  /** "Network Contributor": lets the cluster identity join and manage subnets of its virtual network. */
  networkContributor: '4d97b98b-1d4f-4787-a291-c67834d212e7',
} as const;

/**
 * A built-in role's definition id in the form Azure returns it (subscription-scoped), so a
 * refresh shows no difference.
 * @example roleDefinitionId(subscriptionId, azureRoles.networkContributor)
 */
export function roleDefinitionId(
  subscriptionId: pulumi.Input<string>,
  role: string,
): pulumi.Output<string> {
  return pulumi.interpolate`/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role}`;
}
