import { checkEmptyDirSize } from './check-empty-dir-size.ts';
import { checkImageReference } from './check-image-reference.ts';
import { checkTopologySpread } from './check-topology-spread.ts';
import { allContainers, findPodTemplate, type HandlerLike } from './pod-template.ts';
import { describeObject, isKubernetesObject, type PolicyViolation } from './policy-violation.ts';

/** Options for {@link checkWorkloadStandards}. */
export interface WorkloadStandardsOptions {
  /** Require a CPU limit on every container (kube-score, Polaris, Checkov). Default: false. */
  readonly requireCpuLimit?: boolean;
}

const minimumId = 10_000;
const requiredRequests = ['cpu', 'memory', 'ephemeral-storage'] as const;
const requiredLimits = ['memory', 'ephemeral-storage'] as const;
const secretLikeName =
  /(PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|PRIVATE_KEY|CREDENTIALS?|DATABASE_URL)$/;

function probeTarget(probe: HandlerLike): string | number | undefined {
  return probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;
}

/**
 * Checks a pod-creating workload against STANDARDS.md's workload rules that one object can show:
 * user/group ids ≥ 10000 (2), read-only root with an emptyDir at /tmp (3), a dedicated service
 * account (5), pinned images (6), requests and limits (7), probes that differ on a named port plus
 * a startup probe (8), a preStop hook inside the grace period (9), a zero-downtime rolling update
 * (10), spreading across zones and nodes honouring node taints, `minDomains` only with
 * `DoNotSchedule` (13), emptyDir size limits below the pod's ephemeral-storage limit (7), and no
 * secret-looking env literals (16).
 * Cross-object rules (HPA, PDB, Service, NetworkPolicy) live in {@link checkObjectSet}.
 * @example expect(checkWorkloadStandards(deployment)).toEqual([]);
 */
export function checkWorkloadStandards(
  workload: unknown,
  { requireCpuLimit = false }: WorkloadStandardsOptions = {},
): PolicyViolation[] {
  const template = findPodTemplate(workload);
  if (!template) return [];
  const violations: PolicyViolation[] = [];
  const object = describeObject(workload);
  const violation = (rule: string, path: string, message: string) =>
    violations.push({ rule, object, path, message });
  const { spec, path } = template;
  const pod = spec.securityContext ?? {};

  if (!spec.serviceAccountName || spec.serviceAccountName === 'default')
    violation(
      'standards/service-account',
      `${path}/serviceAccountName`,
      'must name a dedicated service account',
    );
  const emptyDirs = new Set(
    (spec.volumes ?? []).filter((v) => v.emptyDir !== undefined).map((v) => String(v.name)),
  );
  const grace = spec.terminationGracePeriodSeconds ?? 30;

  for (const { container, path: at } of allContainers(template)) {
    const context = container.securityContext ?? {};
    for (const field of ['runAsUser', 'runAsGroup'] as const) {
      const id = context[field] ?? pod[field];
      if (id === undefined || id < minimumId)
        violation(
          'standards/run-as-user',
          `${at}/securityContext/${field}`,
          `must be at least ${minimumId} (here or in the pod)`,
        );
    }
    if (context.readOnlyRootFilesystem !== true)
      violation(
        'standards/read-only-root',
        `${at}/securityContext/readOnlyRootFilesystem`,
        'must be true',
      );
    else if (
      !(container.volumeMounts ?? []).some(
        (m) => m.mountPath === '/tmp' && emptyDirs.has(String(m.name)),
      )
    )
      violation(
        'standards/writable-tmp',
        `${at}/volumeMounts`,
        'must mount an emptyDir at /tmp (the root file system is read-only)',
      );
    const imageProblem = checkImageReference(container.image ?? '');
    if (imageProblem)
      violation('standards/image', `${at}/image`, `'${container.image}' ${imageProblem}`);
    (container.env ?? []).forEach((env, i) => {
      if (env.value !== undefined && secretLikeName.test(env.name ?? ''))
        violation(
          'standards/secret-env',
          `${at}/env/${i}`,
          `${env.name} looks like a secret: mount it as a file (${env.name}_FILE) or use secretKeyRef`,
        );
    });
  }

  // Probes, resources and lifecycle apply to long-running containers, not init or debug ones.
  (spec.containers ?? []).forEach((container, i) => {
    const at = `${path}/containers/${i}`;
    const requests = container.resources?.requests ?? {};
    const limits = container.resources?.limits ?? {};
    for (const name of requiredRequests)
      if (!requests[name])
        violation('standards/resources', `${at}/resources/requests/${name}`, 'is required');
    for (const name of [...requiredLimits, ...(requireCpuLimit ? ['cpu'] : [])])
      if (!limits[name])
        violation('standards/resources', `${at}/resources/limits/${name}`, 'is required');

    const { livenessProbe, readinessProbe, startupProbe } = container;
    if (!livenessProbe) violation('standards/probes', `${at}/livenessProbe`, 'is required');
    if (!readinessProbe) violation('standards/probes', `${at}/readinessProbe`, 'is required');
    if (!startupProbe)
      violation(
        'standards/probes',
        `${at}/startupProbe`,
        'is required (slow starts must not trip liveness)',
      );
    if (
      livenessProbe &&
      readinessProbe &&
      JSON.stringify(livenessProbe) === JSON.stringify(readinessProbe)
    )
      violation('standards/probes', `${at}/readinessProbe`, 'must differ from the liveness probe');
    for (const [name, probe] of Object.entries({ livenessProbe, readinessProbe, startupProbe })) {
      if (probe && typeof probeTarget(probe) !== 'string')
        violation('standards/probes', `${at}/${name}`, 'must target a named port');
    }
    const preStop = container.lifecycle?.preStop;
    if (!preStop)
      violation(
        'standards/pre-stop',
        `${at}/lifecycle/preStop`,
        'is required: keep serving while endpoints are removed',
      );
    else if (preStop.sleep?.seconds !== undefined && preStop.sleep.seconds >= grace)
      violation(
        'standards/pre-stop',
        `${path}/terminationGracePeriodSeconds`,
        `(${grace}) must exceed the preStop sleep (${preStop.sleep.seconds}) plus the drain and the longest request`,
      );
  });

  checkTopologySpread(template, violation);
  checkEmptyDirSize(template, violation);

  if (isKubernetesObject(workload) && workload.kind === 'Deployment') {
    checkRollingUpdate(workload.spec, violation);
  }
  return violations;
}

function isZero(value: unknown): boolean {
  return value === 0 || value === '0' || value === '0%';
}

function checkRollingUpdate(
  spec: unknown,
  violation: (rule: string, path: string, message: string) => void,
): void {
  const strategy = (
    spec as
      | {
          strategy?: {
            type?: string;
            rollingUpdate?: { maxUnavailable?: unknown; maxSurge?: unknown };
          };
        }
      | undefined
  )?.strategy;
  if (strategy?.type !== 'RollingUpdate')
    violation('standards/rolling-update', '/spec/strategy/type', 'must be RollingUpdate');
  if (!isZero(strategy?.rollingUpdate?.maxUnavailable))
    violation(
      'standards/rolling-update',
      '/spec/strategy/rollingUpdate/maxUnavailable',
      'must be 0 so a rollout never removes serving capacity first',
    );
  const surge = strategy?.rollingUpdate?.maxSurge;
  if (surge === undefined || isZero(surge))
    violation(
      'standards/rolling-update',
      '/spec/strategy/rollingUpdate/maxSurge',
      'must be at least 1',
    );
}
