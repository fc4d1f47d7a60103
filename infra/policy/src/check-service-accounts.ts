import { findPodTemplate } from './pod-template.ts';
import type { KubernetesObject } from './policy-violation.ts';
import { namespaceOf, type Violate, type Workload } from './workload-set.ts';

/** Every workload's ServiceAccount is created with it, and its token is not automounted. */
export function checkServiceAccounts(
  all: readonly KubernetesObject[],
  workloads: readonly Workload[],
  violation: Violate,
): void {
  for (const { object, namespace } of workloads) {
    const template = findPodTemplate(object);
    const name = template?.spec.serviceAccountName;
    if (!template || !name) continue;
    const account = all.find(
      (o) =>
        o.kind === 'ServiceAccount' && o.metadata?.name === name && namespaceOf(o) === namespace,
    ) as (KubernetesObject & { automountServiceAccountToken?: boolean }) | undefined;
    if (!account)
      violation(
        object,
        'standards/service-account',
        `${template.path}/serviceAccountName`,
        `ServiceAccount '${name}' is not created with the workload`,
      );
    const automount =
      template.spec.automountServiceAccountToken ?? account?.automountServiceAccountToken;
    if (automount !== false)
      violation(
        object,
        'standards/service-account',
        `${template.path}/automountServiceAccountToken`,
        'must be false (here or on the ServiceAccount)',
      );
  }
}
