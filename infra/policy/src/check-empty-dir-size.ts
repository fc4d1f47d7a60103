import type { PodTemplate } from './pod-template.ts';
import { parseQuantity } from './quantity.ts';

type Violate = (rule: string, path: string, message: string) => void;

/**
 * The pod's ephemeral-storage limit the kubelet evicts it at: the sum of its containers' limits,
 * or undefined when one has none (rule 7 reports that).
 */
function podEphemeralStorageLimit({ spec }: PodTemplate): number | undefined {
  let total = 0;
  for (const container of spec.containers ?? []) {
    const limit = parseQuantity(container.resources?.limits?.['ephemeral-storage']);
    if (limit === undefined) return undefined;
    total += limit;
  }
  return total;
}

/**
 * A disk-backed emptyDir needs a `sizeLimit` below the pod's ephemeral-storage limit, all of
 * them together too: the limit also counts the containers' logs and writable layers, so an
 * emptyDir as large as the limit gets the pod evicted before its own limit ever applies.
 * Memory-backed (`medium: Memory`) emptyDirs count against memory instead and are skipped.
 * @example checkEmptyDirSize(template, violation);
 */
export function checkEmptyDirSize(template: PodTemplate, violation: Violate): void {
  const podLimit = podEphemeralStorageLimit(template);
  if (podLimit === undefined) return;
  const limitText = `the pod's ephemeral-storage limit (${podLimit} bytes, its containers' limits summed)`;
  let total = 0;
  let eachBelow = true;
  (template.spec.volumes ?? []).forEach((volume, i) => {
    const emptyDir = volume.emptyDir as { medium?: string; sizeLimit?: unknown } | undefined;
    if (emptyDir === undefined || emptyDir.medium === 'Memory') return;
    const at = `${template.path}/volumes/${i}/emptyDir/sizeLimit`;
    const size = parseQuantity(emptyDir.sizeLimit);
    if (size === undefined) {
      violation('standards/empty-dir-size', at, `is required, below ${limitText}`);
      return;
    }
    total += size;
    if (size < podLimit) return;
    eachBelow = false;
    violation(
      'standards/empty-dir-size',
      at,
      `(${String(emptyDir.sizeLimit)}) must be below ${limitText}, which also counts logs`,
    );
  });
  // One emptyDir at fault is reported once, at its own sizeLimit.
  if (!eachBelow || total < podLimit) return;
  violation(
    'standards/empty-dir-size',
    `${template.path}/volumes`,
    `emptyDir sizeLimits together (${total} bytes) must stay below ${limitText}`,
  );
}
