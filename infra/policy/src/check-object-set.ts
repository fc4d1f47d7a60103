import { checkAutoscalers } from './check-autoscalers.ts';
import { checkDisruptionBudget } from './check-disruption-budget.ts';
import { checkGatewayRoutes } from './check-gateway-routes.ts';
import { checkIngressTls } from './check-ingress-tls.ts';
import { checkNamespace } from './check-namespace.ts';
import { checkNetworkPolicy } from './check-network-policy.ts';
import { checkPolicyTargets } from './check-policy-targets.ts';
import { checkRestrictedPodSecurity } from './check-restricted-pod-security.ts';
import { checkService } from './check-service.ts';
import { checkServiceAccounts } from './check-service-accounts.ts';
import { checkSetNamespaces } from './check-set-namespaces.ts';
import { checkStandardLabels } from './check-standard-labels.ts';
import {
  checkWorkloadStandards,
  type WorkloadStandardsOptions,
} from './check-workload-standards.ts';
import { describeObject, isKubernetesObject, type PolicyViolation } from './policy-violation.ts';
import { validateKubernetesObject } from './validate-kubernetes-object.ts';
import { collectWorkloads, type Violate, workloadSelector } from './workload-set.ts';

/** Options for {@link checkObjectSet}. */
export interface ObjectSetOptions extends WorkloadStandardsOptions {
  /** Require the `app.kubernetes.io/*` labels on every object. Default: true. */
  readonly requireStandardLabels?: boolean;
  /** Require every Deployment to be scaled by an HPA (STANDARDS.md rule 11). Default: true. */
  readonly requireAutoscaling?: boolean;
  /**
   * Pods the cluster will run that the set does not hold (a Helm chart's, rendered at deploy
   * time), by namespace and labels: NetworkPolicies, Services and PDBs may select them.
   * Default: none.
   */
  readonly podsOutsideTheSet?: readonly PodOutsideTheSet[];
}

/** A pod the set's selectors may select though the set does not hold it. */
export interface PodOutsideTheSet {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * Runs every check on a set of objects a program produces, and the rules only a set can show:
 * the OpenAPI schema, the restricted profile and the workload standards on each object, then
 * (STANDARDS.md 1, 5, 11, 12, 14, 15, 17) namespaces never `default`, service accounts that exist
 * with token automount off, an autoscaling/v2 HPA per Deployment that owns its replica count, PDBs
 * that select pods and never block a drain, Services and NetworkPolicies that select real pods with
 * named target ports that exist, TLS on every Ingress host and Gateway HTTPS listener, HTTP
 * listeners used only to redirect to HTTPS, Envoy Gateway policies whose targets exist, and the
 * recommended labels.
 * To allow a documented exception, filter the result by `rule`.
 * @example expect(formatViolations(checkObjectSet(objects))).toBe('');
 */
export function checkObjectSet(
  objects: readonly unknown[],
  {
    requireStandardLabels = true,
    requireAutoscaling = true,
    podsOutsideTheSet = [],
    ...workloadOptions
  }: ObjectSetOptions = {},
): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  const violation: Violate = (obj, rule, path, message) =>
    violations.push({ rule, object: describeObject(obj), path, message });
  const all = objects.filter(isKubernetesObject);
  for (const obj of objects) {
    violations.push(...validateKubernetesObject(obj));
    violations.push(...checkRestrictedPodSecurity(obj));
    violations.push(...checkWorkloadStandards(obj, workloadOptions));
    violations.push(...checkNamespace(obj));
    if (requireStandardLabels) violations.push(...checkStandardLabels(obj));
  }
  checkSetNamespaces(all, violation);

  const workloads = collectWorkloads(all);
  const selected = workloadSelector([
    ...workloads,
    ...podsOutsideTheSet.map(({ namespace, labels }) => ({
      object: { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, labels } },
      namespace,
      podLabels: labels,
      portNames: new Set<string>(),
    })),
  ]);

  checkServiceAccounts(all, workloads, violation);
  violations.push(...checkGatewayRoutes(all));
  violations.push(...checkPolicyTargets(all));
  const hpaMinimum = checkAutoscalers(all, workloads, requireAutoscaling, violation);
  for (const obj of all) {
    if (obj.kind === 'PodDisruptionBudget')
      checkDisruptionBudget(obj, selected, hpaMinimum, violation);
    if (obj.kind === 'Service') checkService(obj, selected, violation);
    if (obj.kind === 'NetworkPolicy') checkNetworkPolicy(obj, selected, violation);
    if (obj.kind === 'Ingress') checkIngressTls(obj, violation);
  }
  return violations;
}
