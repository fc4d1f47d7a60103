import { allContainers, findPodTemplate, type SecurityContextLike } from './pod-template.ts';
import { describeObject, type PolicyViolation } from './policy-violation.ts';

// The lists below are the restricted profile's own, from the Pod Security Standards page
// for the pinned Kubernetes version (https://kubernetes.io/docs/concepts/security/pod-security-standards/).
const allowedVolumeTypes = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);
const safeSysctls = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);
const allowedSeLinuxTypes = new Set([
  '',
  'container_t',
  'container_init_t',
  'container_kvm_t',
  'container_engine_t',
]);
const confinedSeccomp = new Set(['RuntimeDefault', 'Localhost']);
const appArmorAnnotation = 'container.apparmor.security.beta.kubernetes.io/';

/**
 * Checks a pod spec, or any workload that holds one, against every control of the Pod Security
 * Standards `restricted` profile (which includes `baseline`), the way Pod Security Admission in
 * `enforce: restricted` mode would. Rule ids are `baseline/<control>` and `restricted/<control>`.
 * @returns every violation; an empty array for a compliant pod or an object that creates no pods.
 * @example expect(checkRestrictedPodSecurity(deployment)).toEqual([]);
 */
export function checkRestrictedPodSecurity(podSpecOrWorkload: unknown): PolicyViolation[] {
  const template = findPodTemplate(podSpecOrWorkload);
  if (!template) return [];
  const violations: PolicyViolation[] = [];
  const object = describeObject(podSpecOrWorkload);
  const violation = (rule: string, path: string, message: string) =>
    violations.push({ rule, object, path, message });
  const { spec, path } = template;
  const pod = spec.securityContext ?? {};
  const podPath = `${path}/securityContext`;

  for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
    if (spec[field] === true)
      violation('baseline/host-namespaces', `${path}/${field}`, 'must not be true');
  }
  if (pod.windowsOptions?.hostProcess === true)
    violation('baseline/host-process', `${podPath}/windowsOptions/hostProcess`, 'must not be true');
  if (pod.runAsNonRoot === false)
    violation('restricted/run-as-non-root', `${podPath}/runAsNonRoot`, 'must be true');
  if (pod.runAsUser === 0)
    violation('restricted/run-as-user', `${podPath}/runAsUser`, 'must not be 0 (root)');
  if (pod.seccompProfile?.type !== undefined && !confinedSeccomp.has(pod.seccompProfile.type))
    violation(
      'restricted/seccomp',
      `${podPath}/seccompProfile/type`,
      'must be RuntimeDefault or Localhost',
    );
  checkAppArmorAndSeLinux(pod, podPath, violation);
  (pod.sysctls ?? []).forEach((sysctl, i) => {
    if (!safeSysctls.has(sysctl.name ?? ''))
      violation(
        'baseline/sysctls',
        `${podPath}/sysctls/${i}`,
        `'${sysctl.name}' is not a safe sysctl`,
      );
  });
  for (const [key, value] of Object.entries(template.metadata.annotations ?? {})) {
    if (
      key.startsWith(appArmorAnnotation) &&
      value !== 'runtime/default' &&
      !value.startsWith('localhost/')
    )
      violation(
        'baseline/apparmor',
        `${path.replace(/\/spec$/, '')}/metadata/annotations/${key}`,
        'must be runtime/default or localhost/*',
      );
  }
  (spec.volumes ?? []).forEach((volume, i) => {
    const types = Object.keys(volume).filter((key) => key !== 'name');
    if (types.includes('hostPath'))
      violation('baseline/host-path', `${path}/volumes/${i}`, 'hostPath volumes are forbidden');
    else if (types.some((type) => !allowedVolumeTypes.has(type)))
      violation(
        'restricted/volume-types',
        `${path}/volumes/${i}`,
        `type ${types.join(', ')} is not allowed: use ${[...allowedVolumeTypes].join(', ')}`,
      );
  });

  for (const { container, path: containerPath } of allContainers(template)) {
    const context = container.securityContext ?? {};
    const contextPath = `${containerPath}/securityContext`;
    if (context.privileged === true)
      violation('baseline/privileged', `${contextPath}/privileged`, 'must not be true');
    if (context.windowsOptions?.hostProcess === true)
      violation(
        'baseline/host-process',
        `${contextPath}/windowsOptions/hostProcess`,
        'must not be true',
      );
    if (context.procMount !== undefined && context.procMount !== 'Default')
      violation('baseline/proc-mount', `${contextPath}/procMount`, 'must be Default');
    checkAppArmorAndSeLinux(context, contextPath, violation);
    (container.ports ?? []).forEach((port, i) => {
      if (port.hostPort !== undefined && port.hostPort !== 0)
        violation('baseline/host-ports', `${containerPath}/ports/${i}/hostPort`, 'must not be set');
    });
    if (context.allowPrivilegeEscalation !== false)
      violation(
        'restricted/privilege-escalation',
        `${contextPath}/allowPrivilegeEscalation`,
        'must be false',
      );
    if (
      context.runAsNonRoot === false ||
      (context.runAsNonRoot !== true && pod.runAsNonRoot !== true)
    )
      violation(
        'restricted/run-as-non-root',
        `${contextPath}/runAsNonRoot`,
        'must be true here or in the pod security context (and never false)',
      );
    if (context.runAsUser === 0)
      violation('restricted/run-as-user', `${contextPath}/runAsUser`, 'must not be 0 (root)');
    const seccomp = context.seccompProfile?.type;
    if (
      seccomp !== undefined
        ? !confinedSeccomp.has(seccomp)
        : !confinedSeccomp.has(pod.seccompProfile?.type ?? '')
    )
      violation(
        'restricted/seccomp',
        `${contextPath}/seccompProfile/type`,
        'must be RuntimeDefault or Localhost here or in the pod security context',
      );
    if (!(context.capabilities?.drop ?? []).includes('ALL'))
      violation('restricted/capabilities', `${contextPath}/capabilities/drop`, 'must include ALL');
    for (const capability of context.capabilities?.add ?? []) {
      if (capability !== 'NET_BIND_SERVICE')
        violation(
          'restricted/capabilities',
          `${contextPath}/capabilities/add`,
          `must not add ${capability} (only NET_BIND_SERVICE)`,
        );
    }
  }
  return violations;
}

function checkAppArmorAndSeLinux(
  context: SecurityContextLike,
  path: string,
  violation: (rule: string, path: string, message: string) => void,
): void {
  const appArmor = context.appArmorProfile?.type;
  if (appArmor !== undefined && appArmor !== 'RuntimeDefault' && appArmor !== 'Localhost')
    violation(
      'baseline/apparmor',
      `${path}/appArmorProfile/type`,
      'must be RuntimeDefault or Localhost',
    );
  const seLinux = context.seLinuxOptions;
  if (seLinux?.type !== undefined && !allowedSeLinuxTypes.has(seLinux.type))
    violation(
      'baseline/selinux',
      `${path}/seLinuxOptions/type`,
      `'${seLinux.type}' is not an allowed type`,
    );
  if (seLinux?.user || seLinux?.role)
    violation('baseline/selinux', `${path}/seLinuxOptions`, 'user and role must not be set');
}
