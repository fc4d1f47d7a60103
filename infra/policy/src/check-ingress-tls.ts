import type { KubernetesObject } from './policy-violation.ts';
import type { Spec, Violate } from './workload-set.ts';

type IngressSpec = { rules?: { host?: string }[]; tls?: { hosts?: string[] }[] };

/** STANDARDS.md 17: every Ingress host is covered by spec.tls. */
export function checkIngressTls(ingress: KubernetesObject, violation: Violate): void {
  const spec = (ingress as Spec<IngressSpec>).spec;
  const tlsHosts = new Set((spec?.tls ?? []).flatMap((t) => t.hosts ?? []));
  (spec?.rules ?? []).forEach((rule, i) => {
    if (!rule.host || !tlsHosts.has(rule.host))
      violation(
        ingress,
        'standards/ingress-tls',
        `/spec/rules/${i}/host`,
        'must be a host covered by spec.tls',
      );
  });
}
