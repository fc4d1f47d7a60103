import { crdSchemaEntry } from './crd-schemas.ts';
import type { KubernetesObject } from './policy-violation.ts';
import { namespaceOf, type Violate } from './workload-set.ts';

// Built-in kinds that live in a namespace; a custom resource's scope comes from its stored CRD.
const namespacedKinds = new Set([
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'Service',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'Ingress',
  'Role',
  'RoleBinding',
  'PersistentVolumeClaim',
]);

/** STANDARDS.md 1: every namespaced object names an environment namespace, never `default`. */
export function checkSetNamespaces(all: readonly KubernetesObject[], violation: Violate): void {
  for (const obj of all) {
    const namespaced =
      namespacedKinds.has(obj.kind) ||
      crdSchemaEntry(obj.apiVersion, obj.kind)?.scope === 'Namespaced';
    if (namespaced && ['', 'default'].includes(namespaceOf(obj)))
      violation(
        obj,
        'standards/namespace',
        '/metadata/namespace',
        'must name an environment namespace, never default',
      );
  }
}
