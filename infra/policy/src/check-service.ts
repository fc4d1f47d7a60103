import type { KubernetesObject } from './policy-violation.ts';
import { namespaceOf, type SelectWorkloads, type Spec, type Violate } from './workload-set.ts';

type ServiceSpec = {
  type?: string;
  selector?: Record<string, string>;
  ports?: { targetPort?: number | string }[];
};

/** STANDARDS.md 14: a ClusterIP Service selects real pods through named ports they expose. */
export function checkService(
  service: KubernetesObject,
  selected: SelectWorkloads,
  violation: Violate,
): void {
  const spec = (service as Spec<ServiceSpec>).spec;
  if (spec?.type !== undefined && spec.type !== 'ClusterIP')
    violation(
      service,
      'standards/service',
      '/spec/type',
      'must be ClusterIP (public traffic goes through the Gateway)',
    );
  const targets = spec?.selector
    ? selected(namespaceOf(service), { matchLabels: spec.selector })
    : [];
  if (targets.length === 0) {
    violation(service, 'standards/service', '/spec/selector', 'selects no pods in its namespace');
    return;
  }
  (spec?.ports ?? []).forEach((port, i) => {
    const name = port.targetPort;
    if (typeof name !== 'string')
      violation(
        service,
        'standards/service',
        `/spec/ports/${i}/targetPort`,
        'must be a named port',
      );
    else if (!targets.every((t) => t.portNames.has(name)))
      violation(
        service,
        'standards/service',
        `/spec/ports/${i}/targetPort`,
        `'${name}' is not a container port name of the selected pods`,
      );
  });
}
