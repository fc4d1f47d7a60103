import { describeObject, isKubernetesObject, type PolicyViolation } from './policy-violation.ts';

const modes = ['enforce', 'audit', 'warn'] as const;

/**
 * Checks a Namespace for STANDARDS.md rule 1: Pod Security Admission labels `enforce`, `audit`
 * and `warn` set to `restricted`, each with a pinned `-version` (not `latest`), and not `default`.
 * @example expect(checkNamespace(namespace)).toEqual([]);
 */
export function checkNamespace(namespace: unknown): PolicyViolation[] {
  if (!isKubernetesObject(namespace) || namespace.kind !== 'Namespace') return [];
  const violations: PolicyViolation[] = [];
  const object = describeObject(namespace);
  const labels = namespace.metadata?.labels ?? {};
  if (namespace.metadata?.name === 'default')
    violations.push({
      rule: 'standards/namespace',
      object,
      path: '/metadata/name',
      message: 'workloads never go to the default namespace',
    });
  for (const mode of modes) {
    const label = `pod-security.kubernetes.io/${mode}`;
    if (labels[label] !== 'restricted')
      violations.push({
        rule: 'standards/pod-security-labels',
        object,
        path: `/metadata/labels/${label}`,
        message: 'must be restricted',
      });
    const version = labels[`${label}-version`];
    if (!version || !/^v\d+\.\d+$/.test(version))
      violations.push({
        rule: 'standards/pod-security-labels',
        object,
        path: `/metadata/labels/${label}-version`,
        message: "must pin a version such as 'v1.33' (not latest)",
      });
  }
  return violations;
}
