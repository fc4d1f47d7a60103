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

/** Envoy Gateway's policy kinds (BackendTrafficPolicy, SecurityPolicy…); EnvoyProxy and the like attach to nothing. */
const isPolicy = (object: KubernetesObject) =>
  object.apiVersion.startsWith(policyGroup) && object.kind.endsWith('Policy');

interface PolicyTargets {
  readonly targetRefs?: readonly TargetRef[];
  readonly targetRef?: TargetRef;
  readonly targetSelectors?: readonly unknown[];
}

/** Each named target of a policy with its path: `targetRefs` entries and the singular `targetRef`. */
function namedTargets(spec: PolicyTargets): { ref: TargetRef; path: string }[] {
  return [
    ...(spec.targetRefs ?? []).map((ref, i) => ({ ref, path: `/spec/targetRefs/${i}` })),
    ...(spec.targetRef ? [{ ref: spec.targetRef, path: '/spec/targetRef' }] : []),
  ];
}

/** Why a named target does not attach, or undefined when it does. */
function targetProblem(
  objects: readonly KubernetesObject[],
  policy: KubernetesObject,
  ref: TargetRef,
): string | undefined {
  if ((ref.group ?? gatewayGroup) !== gatewayGroup) return undefined;
  const target = objects.find(
    (o) =>
      o.kind === ref.kind &&
      o.apiVersion.startsWith(`${gatewayGroup}/`) &&
      o.metadata?.name === ref.name &&
      o.metadata?.namespace === policy.metadata?.namespace,
  );
  const where = `${ref.kind} ${policy.metadata?.namespace}/${ref.name}`;
  if (!target)
    return `targets ${where}, which the set does not hold in the policy's namespace: the policy would attach to nothing`;
  if (ref.sectionName !== undefined && !sectionNames(target).includes(ref.sectionName))
    return `targets section '${ref.sectionName}' of ${where}, which has only ${sectionNames(target).join(', ') || 'unnamed sections'}`;
  return undefined;
}

/**
 * The policy half of "every policy selects real pods" (STANDARDS.md 14) for the edge: an Envoy
 * Gateway policy (BackendTrafficPolicy, ClientTrafficPolicy…) has a target, and each it names
 * (`targetRefs`, or the older singular `targetRef`) is a Gateway API object of the set in the
 * policy's own namespace, its `sectionName` a listener or rule that object has. `targetSelectors`
 * count as targets; which objects they select is the cluster's to say. A policy whose target is
 * missing is accepted by the API server and does nothing, so the gateway would run unguarded
 * without a word.
 * @example checkPolicyTargets(objects) // [] when every policy attaches
 */
export function checkPolicyTargets(objects: readonly KubernetesObject[]): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  for (const policy of objects.filter(isPolicy)) {
    const spec = (policy.spec ?? {}) as PolicyTargets;
    const named = namedTargets(spec);
    const report = (path: string, message: string) =>
      violations.push({
        rule: 'standards/policy-target',
        object: describeObject(policy),
        path,
        message,
      });
    if (named.length === 0 && (spec.targetSelectors ?? []).length === 0)
      report(
        '/spec',
        'has no targetRefs, targetRef or targetSelectors: the policy would attach to nothing',
      );
    for (const { ref, path } of named) {
      const message = targetProblem(objects, policy, ref);
      if (message) report(path, message);
    }
  }
  return violations;
}
