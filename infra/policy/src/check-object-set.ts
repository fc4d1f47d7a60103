import { checkGatewayRoutes } from './check-gateway-routes.js';
import { checkNamespace } from './check-namespace.js';
import { checkRestrictedPodSecurity } from './check-restricted-pod-security.js';
import { checkStandardLabels } from './check-standard-labels.js';
import {
  checkWorkloadStandards,
  type WorkloadStandardsOptions,
} from './check-workload-standards.js';
import { crdSchemaEntry } from './crd-schemas.js';
import { type LabelSelectorLike, matchesSelector } from './label-selector.js';
import { findPodTemplate } from './pod-template.js';
import {
  describeObject,
  isKubernetesObject,
  type KubernetesObject,
  type PolicyViolation,
} from './policy-violation.js';
import { validateKubernetesObject } from './validate-kubernetes-object.js';

/** Options for {@link checkObjectSet}. */
export interface ObjectSetOptions extends WorkloadStandardsOptions {
  /** Require the `app.kubernetes.io/*` labels on every object. Default: true. */
  readonly requireStandardLabels?: boolean;
  /** Require every Deployment to be scaled by an HPA (STANDARDS.md rule 11). Default: true. */
  readonly requireAutoscaling?: boolean;
}

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

interface Workload {
  readonly object: KubernetesObject;
  readonly namespace: string;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly portNames: ReadonlySet<string>;
}

type Spec<T> = KubernetesObject & { readonly spec?: T };
type Violate = (obj: KubernetesObject, rule: string, path: string, message: string) => void;

function namespaceOf(obj: KubernetesObject): string {
  return obj.metadata?.namespace ?? '';
}

/**
 * Runs every check on a set of objects a program produces, and the rules only a set can show:
 * the OpenAPI schema, the restricted profile and the workload standards on each object, then
 * (STANDARDS.md 1, 5, 11, 12, 14, 15, 17) namespaces never `default`, service accounts that exist
 * with token automount off, an autoscaling/v2 HPA per Deployment that owns its replica count, PDBs
 * that select pods and never block a drain, Services and NetworkPolicies that select real pods with
 * named target ports that exist, TLS on every Ingress host and Gateway HTTPS listener, HTTP
 * listeners used only to redirect to HTTPS, and the recommended labels.
 * To allow a documented exception, filter the result by `rule`.
 * @example expect(formatViolations(checkObjectSet(objects))).toBe('');
 */
export function checkObjectSet(
  objects: readonly unknown[],
  {
    requireStandardLabels = true,
    requireAutoscaling = true,
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

  const workloads: Workload[] = [];
  for (const object of all) {
    const template = findPodTemplate(object);
    if (!template || object.kind === 'PodTemplate') continue;
    workloads.push({
      object,
      namespace: namespaceOf(object),
      podLabels: template.metadata.labels ?? {},
      portNames: new Set(
        (template.spec.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.name ?? '')),
      ),
    });
  }
  const selected = (namespace: string, selector: LabelSelectorLike) =>
    workloads.filter((w) => w.namespace === namespace && matchesSelector(selector, w.podLabels));

  checkServiceAccounts(all, workloads, violation);
  violations.push(...checkGatewayRoutes(all));
  const hpaMinimum = checkAutoscalers(all, workloads, requireAutoscaling, violation);
  for (const obj of all) {
    if (obj.kind === 'PodDisruptionBudget')
      checkDisruptionBudget(obj, selected, hpaMinimum, violation);
    if (obj.kind === 'Service') checkService(obj, selected, violation);
    if (obj.kind === 'NetworkPolicy') {
      const selector = (obj as Spec<{ podSelector?: LabelSelectorLike }>).spec?.podSelector ?? {};
      const isEmpty =
        Object.keys(selector.matchLabels ?? {}).length === 0 &&
        (selector.matchExpressions ?? []).length === 0;
      if (!isEmpty && selected(namespaceOf(obj), selector).length === 0)
        violation(
          obj,
          'standards/network-policy',
          '/spec/podSelector',
          'selects no pods in its namespace',
        );
    }
    if (obj.kind === 'Ingress') {
      const spec = (obj as Spec<{ rules?: { host?: string }[]; tls?: { hosts?: string[] }[] }>)
        .spec;
      const tlsHosts = new Set((spec?.tls ?? []).flatMap((t) => t.hosts ?? []));
      (spec?.rules ?? []).forEach((rule, i) => {
        if (!rule.host || !tlsHosts.has(rule.host))
          violation(
            obj,
            'standards/ingress-tls',
            `/spec/rules/${i}/host`,
            'must be a host covered by spec.tls',
          );
      });
    }
  }
  return violations;
}

function checkServiceAccounts(
  all: readonly KubernetesObject[],
  workloads: readonly Workload[],
  violation: Violate,
): void {
  for (const { object, namespace } of workloads) {
    const template = findPodTemplate(object);
    const name = template?.spec.serviceAccountName;
    if (!template || !name) continue;
    const account = all.find(
      (o) =>
        o.kind === 'ServiceAccount' && o.metadata?.name === name && namespaceOf(o) === namespace,
    ) as (KubernetesObject & { automountServiceAccountToken?: boolean }) | undefined;
    if (!account)
      violation(
        object,
        'standards/service-account',
        `${template.path}/serviceAccountName`,
        `ServiceAccount '${name}' is not created with the workload`,
      );
    const automount =
      template.spec.automountServiceAccountToken ?? account?.automountServiceAccountToken;
    if (automount !== false)
      violation(
        object,
        'standards/service-account',
        `${template.path}/automountServiceAccountToken`,
        'must be false (here or on the ServiceAccount)',
      );
  }
}

function checkAutoscalers(
  all: readonly KubernetesObject[],
  workloads: readonly Workload[],
  requireAutoscaling: boolean,
  violation: Violate,
): Map<KubernetesObject, number> {
  const minimum = new Map<KubernetesObject, number>();
  type HpaSpec = {
    minReplicas?: number;
    maxReplicas?: number;
    scaleTargetRef?: { kind?: string; name?: string };
  };
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

function checkDisruptionBudget(
  pdb: KubernetesObject,
  selected: (namespace: string, selector: LabelSelectorLike) => Workload[],
  hpaMinimum: ReadonlyMap<KubernetesObject, number>,
  violation: Violate,
): void {
  const spec = (
    pdb as Spec<{
      selector?: LabelSelectorLike;
      maxUnavailable?: number | string;
      minAvailable?: number | string;
      unhealthyPodEvictionPolicy?: string;
    }>
  ).spec;
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

function checkService(
  service: KubernetesObject,
  selected: (namespace: string, selector: LabelSelectorLike) => Workload[],
  violation: Violate,
): void {
  const spec = (
    service as Spec<{
      type?: string;
      selector?: Record<string, string>;
      ports?: { targetPort?: number | string }[];
    }>
  ).spec;
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
