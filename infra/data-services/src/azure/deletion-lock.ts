import * as authorization from '@pulumi/azure-native/authorization/index.js';
import type * as pulumi from '@pulumi/pulumi';

/**
 * A `CanNotDelete` management lock on a resource: Azure refuses to delete it (and its children,
 * such as a server's databases) from any tool until the lock goes, which PostgreSQL flexible
 * server and Azure Managed Redis have no flag of their own for. Turning `deletionProtection` off
 * and running `pulumi up` removes it.
 * @example deletionLock(`${name}-lock`, server.id, { parent: this });
 */
export function deletionLock(
  name: string,
  scope: pulumi.Input<string>,
  opts: pulumi.CustomResourceOptions,
): authorization.ManagementLockByScope {
  return new authorization.ManagementLockByScope(
    name,
    {
      scope,
      level: authorization.LockLevel.CanNotDelete,
      notes: 'deletionProtection in the service manifest: set it to false and pulumi up to delete',
    },
    opts,
  );
}
