import type { LabelSelectorLike } from './label-selector.ts';
import type { KubernetesObject } from './policy-violation.ts';
import { namespaceOf, type SelectWorkloads, type Spec, type Violate } from './workload-set.ts';

/** STANDARDS.md 15: a NetworkPolicy with a pod selector selects real pods (empty means all). */
export function checkNetworkPolicy(
  policy: KubernetesObject,
  selected: SelectWorkloads,
  violation: Violate,
): void {
  const selector = (policy as Spec<{ podSelector?: LabelSelectorLike }>).spec?.podSelector ?? {};
  const isEmpty =
    Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0;
  if (!isEmpty && selected(namespaceOf(policy), selector).length === 0)
    violation(
      policy,
      'standards/network-policy',
      '/spec/podSelector',
      'selects no pods in its namespace',
    );
}
