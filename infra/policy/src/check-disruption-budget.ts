import type { LabelSelectorLike } from './label-selector.ts';
import type { KubernetesObject } from './policy-violation.ts';
import { namespaceOf, type SelectWorkloads, type Spec, type Violate } from './workload-set.ts';

type PdbSpec = {
  selector?: LabelSelectorLike;
  maxUnavailable?: number | string;
  minAvailable?: number | string;
  unhealthyPodEvictionPolicy?: string;
};

/** STANDARDS.md 12: a PDB selects pods and never blocks a drain. */
export function checkDisruptionBudget(
  pdb: KubernetesObject,
  selected: SelectWorkloads,
  hpaMinimum: ReadonlyMap<KubernetesObject, number>,
  violation: Violate,
): void {
  const spec = (pdb as Spec<PdbSpec>).spec;
  if (spec?.unhealthyPodEvictionPolicy !== 'AlwaysAllow')
    violation(
      pdb,
      'standards/pdb',
      '/spec/unhealthyPodEvictionPolicy',
      'must be AlwaysAllow so unhealthy pods never block a drain',
    );
  const targets = selected(namespaceOf(pdb), spec?.selector ?? {});
  if (targets.length === 0)
    violation(pdb, 'standards/pdb', '/spec/selector', 'selects no pods in its namespace');
  const { maxUnavailable, minAvailable } = spec ?? {};
  if (maxUnavailable !== undefined) {
    if (maxUnavailable === 0 || maxUnavailable === '0%')
      violation(pdb, 'standards/pdb', '/spec/maxUnavailable', 'must allow at least one disruption');
  } else if (typeof minAvailable === 'number') {
    for (const target of targets) {
      const min = hpaMinimum.get(target.object);
      if (min !== undefined && minAvailable >= min)
        violation(
          pdb,
          'standards/pdb',
          '/spec/minAvailable',
          `must be below the HPA minimum (${min}) or a drain blocks`,
        );
    }
  } else {
    violation(
      pdb,
      'standards/pdb',
      '/spec',
      'must set maxUnavailable (or an integer minAvailable below the HPA minimum)',
    );
  }
}
