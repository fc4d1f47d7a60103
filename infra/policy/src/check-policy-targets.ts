import { describeObject, type KubernetesObject, type PolicyViolation } from './policy-violation.ts';

interface TargetRef {
  readonly group?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly sectionName?: string;
}

/** Envoy Gateway's policies attach to Gateway API objects by `spec.targetRefs`. */
const policyGroup = 'gateway.envoyproxy.io/';
const gatewayGroup = 'gateway.networking.k8s.io';

/** The names a target's `sectionName` may give: a Gateway's listeners, a route's rules. */
function sectionNames(target: KubernetesObject): string[] {
  const spec = target.spec as
    | { listeners?: readonly { name?: string }[]; rules?: readonly { name?: string }[] }
    | undefined;
  return [...(spec?.listeners ?? []), ...(spec?.rules ?? [])].flatMap((s) =>
    s.name ? [s.name] : [],
  );
}

/**
 * The policy half of "every policy selects real pods" (STANDARDS.md 14) for the edge: each
 * `targetRefs` entry of an Envoy Gateway policy (BackendTrafficPolicy, ClientTrafficPolicy…)
 * names a Gateway API object of the set in the policy's own namespace, and its `sectionName`
 * a listener or rule that object has. A policy whose target is missing is accepted by the API
 * server and does nothing, so the gateway would run unguarded without a word.
 * @example checkPolicyTargets(objects) // [] when every policy attaches
 */
export function checkPolicyTargets(objects: readonly KubernetesObject[]): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  for (const policy of objects.filter((o) => o.apiVersion.startsWith(policyGroup))) {
    const refs = (policy.spec as { targetRefs?: readonly TargetRef[] } | undefined)?.targetRefs;
    (refs ?? []).forEach((ref, i) => {
      if ((ref.group ?? gatewayGroup) !== gatewayGroup) return;
      const target = objects.find(
        (o) =>
          o.kind === ref.kind &&
          o.apiVersion.startsWith(`${gatewayGroup}/`) &&
          o.metadata?.name === ref.name &&
          o.metadata?.namespace === policy.metadata?.namespace,
      );
      const where = `${ref.kind} ${policy.metadata?.namespace}/${ref.name}`;
      const message = !target
        ? `targets ${where}, which the set does not hold in the policy's namespace: the policy would attach to nothing`
        : ref.sectionName !== undefined && !sectionNames(target).includes(ref.sectionName)
          ? `targets section '${ref.sectionName}' of ${where}, which has only ${sectionNames(target).join(', ') || 'unnamed sections'}`
          : undefined;
      if (message)
        violations.push({
          rule: 'standards/policy-target',
          object: describeObject(policy),
          path: `/spec/targetRefs/${i}`,
          message,
        });
    });
  }
  return violations;
}
