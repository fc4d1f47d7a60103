import * as authorization from '@pulumi/azure-native/authorization/index.js';
import * as managedidentity from '@pulumi/azure-native/managedidentity/index.js';
import type * as pulumi from '@pulumi/pulumi';
import { azureRoles, roleDefinitionId } from './azure-roles.ts';

/** What {@link controlPlaneIdentity} needs. */
export interface ControlPlaneIdentityArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: string;
  readonly subscriptionId: pulumi.Input<string>;
  /** The virtual network the cluster's nodes and API server subnet live in. */
  readonly vnetId: pulumi.Input<string>;
  /** The NAT gateway on the node subnet: joining that subnet needs `natGateways/join/action` on it. */
  readonly natGatewayId: pulumi.Input<string>;
}

/** The cluster's own identity and the grant the cluster must wait for. */
export interface ControlPlaneIdentity {
  /** Resource id, for the cluster's `identity.userAssignedIdentities`. */
  readonly id: pulumi.Output<string>;
  /** Network Contributor on the virtual network and the NAT gateway; create the cluster after them. */
  readonly networkAccess: authorization.RoleAssignment[];
}

/**
 * A user-assigned identity for the AKS control plane, with Network Contributor on the cluster's
 * virtual network and NAT gateway before the cluster exists: a user-assigned NAT gateway, node autoprovisioning
 * in our own subnet and AKS Automatic's API server subnet all need it at creation, which a
 * system-assigned identity (born with the cluster) cannot have.
 *
 * @example const identity = controlPlaneIdentity('slipway', { resourceGroupName, location, subscriptionId, vnetId, natGatewayId }, this);
 */
export function controlPlaneIdentity(
  name: string,
  args: ControlPlaneIdentityArgs,
  parent: pulumi.Resource,
): ControlPlaneIdentity {
  const identity = new managedidentity.UserAssignedIdentity(
    `${name}-identity`,
    { resourceGroupName: args.resourceGroupName, location: args.location },
    { parent },
  );
  const scopes = { 'network-contributor': args.vnetId, 'nat-contributor': args.natGatewayId };
  const networkAccess = Object.entries(scopes).map(
    ([grant, scope]) =>
      new authorization.RoleAssignment(
        `${name}-${grant}`,
        {
          scope,
          roleDefinitionId: roleDefinitionId(args.subscriptionId, azureRoles.networkContributor),
          principalId: identity.principalId,
          // Stated, so a just-created identity is not looked up in Entra ID before it has replicated.
          principalType: 'ServicePrincipal',
        },
        { parent },
      ),
  );
  return { id: identity.id, networkAccess };
}
