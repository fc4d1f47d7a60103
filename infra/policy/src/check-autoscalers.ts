import type { KubernetesObject } from './policy-violation.ts';
import { namespaceOf, type Spec, type Violate, type Workload } from './workload-set.ts';

type HpaSpec = {
  minReplicas?: number;
  maxReplicas?: number;
  scaleTargetRef?: { kind?: string; name?: string };
};

/**
 * STANDARDS.md 11: an autoscaling/v2 HPA per Deployment that owns its replica count.
 * Returns each scaled workload's HPA minimum, which the PDB rule compares against.
 */
export function checkAutoscalers(
  all: readonly KubernetesObject[],
  workloads: readonly Workload[],
  requireAutoscaling: boolean,
  violation: Violate,
): Map<KubernetesObject, number> {
  const minimum = new Map<KubernetesObject, number>();
  for (const hpa of all.filter((o) => o.kind === 'HorizontalPodAutoscaler') as Spec<HpaSpec>[]) {
    if (hpa.apiVersion !== 'autoscaling/v2')
      violation(hpa, 'standards/hpa', '/apiVersion', 'must be autoscaling/v2');
    const min = hpa.spec?.minReplicas ?? 1;
    const max = hpa.spec?.maxReplicas ?? 0;
    if (min < 2) violation(hpa, 'standards/hpa', '/spec/minReplicas', 'must be at least 2');
    if (max <= min)
      violation(hpa, 'standards/hpa', '/spec/maxReplicas', 'must be greater than minReplicas');
    const ref = hpa.spec?.scaleTargetRef;
    const target = workloads.find(
      (w) =>
        w.object.kind === ref?.kind &&
        w.object.metadata?.name === ref?.name &&
        w.namespace === namespaceOf(hpa),
    );
    if (!target) {
      violation(
        hpa,
        'standards/hpa',
        '/spec/scaleTargetRef',
        `targets ${ref?.kind}/${ref?.name}, which is not in the set`,
      );
      continue;
    }
    minimum.set(target.object, min);
    if ((target.object as Spec<{ replicas?: number }>).spec?.replicas !== undefined)
      violation(
        target.object,
        'standards/hpa',
        '/spec/replicas',
        'must be omitted: the HPA owns the replica count',
      );
  }
  if (requireAutoscaling) {
    for (const { object } of workloads) {
      if (object.kind === 'Deployment' && !minimum.has(object))
        violation(object, 'standards/hpa', '', 'has no autoscaling/v2 HorizontalPodAutoscaler');
    }
  }
  return minimum;
}
