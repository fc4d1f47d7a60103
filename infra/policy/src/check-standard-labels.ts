import { describeObject, isKubernetesObject, type PolicyViolation } from './policy-violation.ts';

/** The recommended labels every object Slipway creates carries (STANDARDS.md rule 17). */
export const standardLabels = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/version',
  'app.kubernetes.io/component',
  'app.kubernetes.io/part-of',
  'app.kubernetes.io/managed-by',
] as const;

/**
 * Checks that an object carries every `app.kubernetes.io/*` recommended label, non-empty.
 * @example expect(checkStandardLabels(service)).toEqual([]);
 */
export function checkStandardLabels(obj: unknown): PolicyViolation[] {
  if (!isKubernetesObject(obj)) return [];
  const labels = obj.metadata?.labels ?? {};
  return standardLabels
    .filter((label) => !labels[label])
    .map((label) => ({
      rule: 'standards/labels',
      object: describeObject(obj),
      path: `/metadata/labels/${label}`,
      message: 'is required (Kubernetes recommended labels)',
    }));
}
