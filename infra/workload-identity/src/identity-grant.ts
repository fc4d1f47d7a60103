import type * as pulumi from '@pulumi/pulumi';

/**
 * A permission for a ServiceAccount's cloud identity, in its cloud's own terms. The cloud must be
 * the cluster's: a grant for another cloud is refused by `ServiceAccountIdentity.grant`.
 * @example const grant: IdentityGrant = { cloud: 'gcp', role: 'roles/storage.objectAdmin', bucket: 'acme-velero' };
 */
export type IdentityGrant =
  /** An inline policy on the identity's IAM role: an IAM policy document (JSON). */
  | { readonly cloud: 'aws'; readonly policy: pulumi.Input<string> }
  /** A role on a project, e.g. `roles/dns.admin` on the DNS project. */
  | { readonly cloud: 'gcp'; readonly role: string; readonly project: pulumi.Input<string> }
  /** A role on one Cloud Storage bucket, e.g. `roles/storage.objectAdmin`. */
  | { readonly cloud: 'gcp'; readonly role: string; readonly bucket: pulumi.Input<string> }
  /**
   * A role assignment on an Azure resource id (`/subscriptions/<id>/resourceGroups/...`); `role`
   * is the role definition's GUID (see `azureBuiltInRoles`).
   */
  | { readonly cloud: 'azure'; readonly role: string; readonly scope: pulumi.Input<string> };

/**
 * The GUIDs of the Azure built-in roles the platform's add-ons are granted: the same in every
 * tenant (learn.microsoft.com/azure/role-based-access-control/built-in-roles).
 */
export const azureBuiltInRoles = {
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  diskSnapshotContributor: '7efff54f-a5b4-42b5-a1c5-5411624893ce',
  dnsZoneContributor: 'befefa01-2a29-4197-83a8-272ff33ce314',
} as const;

/**
 * The role definition id of a role GUID, in the subscription a scope belongs to.
 * @example azureRoleDefinitionId('/subscriptions/0000/resourceGroups/rg', 'ba92…') // '/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/ba92…'
 */
export function azureRoleDefinitionId(scope: string, role: string): string {
  const subscription = /^\/subscriptions\/[^/]+/i.exec(scope)?.[0];
  if (!subscription) {
    throw new Error(
      `Azure grant scope '${scope}' is no resource id: write /subscriptions/<id>/resourceGroups/<group>/...`,
    );
  }
  return `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${role}`;
}
