import type { PodTemplate } from './pod-template.ts';

type Violate = (rule: string, path: string, message: string) => void;

const spreadKeys = ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'];

/**
 * STANDARDS.md rule 13 and what makes a spread constraint mean what it says: pods spread over
 * zones and nodes (or host anti-affinity); each constraint honours node taints (the default,
 * `Ignore`, counts nodes the pod can never run on as domains, so the skew stays unsatisfiable);
 * and `minDomains` only with `DoNotSchedule`, the one case the API accepts it.
 * @example checkTopologySpread(template, violation);
 */
export function checkTopologySpread({ spec, path }: PodTemplate, violation: Violate): void {
  const constraints = spec.topologySpreadConstraints ?? [];
  const antiAffinity = spec.affinity?.podAntiAffinity;
  const hostAntiAffinity = [
    ...(antiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
    ...(antiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map(
      (t) => t.podAffinityTerm ?? {},
    ),
  ].some((term) => term.topologyKey === 'kubernetes.io/hostname');
  for (const key of spreadKeys) {
    if (
      !constraints.some((c) => c.topologyKey === key) &&
      !(key === 'kubernetes.io/hostname' && hostAntiAffinity)
    )
      violation(
        'standards/topology-spread',
        `${path}/topologySpreadConstraints`,
        `must spread pods over ${key}`,
      );
  }
  constraints.forEach((constraint, i) => {
    const at = `${path}/topologySpreadConstraints/${i}`;
    if (constraint.nodeTaintsPolicy !== 'Honor')
      violation(
        'standards/node-taints-policy',
        `${at}/nodeTaintsPolicy`,
        `must be Honor, got ${constraint.nodeTaintsPolicy ?? 'nothing (Ignore)'}: tainted nodes the pod cannot run on would count as domains to balance over`,
      );
    if (constraint.minDomains !== undefined && constraint.whenUnsatisfiable !== 'DoNotSchedule')
      violation(
        'standards/min-domains',
        `${at}/minDomains`,
        `is only valid with whenUnsatisfiable: DoNotSchedule (got ${constraint.whenUnsatisfiable ?? 'nothing'})`,
      );
  });
}
