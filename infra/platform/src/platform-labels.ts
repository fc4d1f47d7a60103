import { productNames } from '@slipway/platform-contract';
import packageJson from '../package.json' with { type: 'json' };

/** The Pod Security Standards levels a namespace can enforce. */
export type PodSecurityLevel = 'restricted' | 'baseline';

/**
 * The Kubernetes recommended labels for an object the platform program owns.
 *
 * @example
 * platformLabels('default-deny', 'slipway-dev', 'network-policy');
 */
export function platformLabels(
  name: string,
  instance: string,
  component: string,
): Record<string, string> {
  return {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/instance': instance,
    'app.kubernetes.io/version': packageJson.version,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/part-of': productNames.partOf,
    'app.kubernetes.io/managed-by': 'pulumi',
  };
}

/**
 * Pod Security Admission labels: `enforce` at the given level, `audit` and
 * `warn` always at `restricted` (so anything looser is at least reported),
 * each pinned to a Pod Security Standards version.
 *
 * @example
 * podSecurityLabels('restricted', 'v1.35');
 * // { 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.35', ... }
 */
export function podSecurityLabels(
  level: PodSecurityLevel,
  version: string,
): Record<string, string> {
  const prefix = 'pod-security.kubernetes.io';
  return {
    [`${prefix}/enforce`]: level,
    [`${prefix}/enforce-version`]: version,
    [`${prefix}/audit`]: 'restricted',
    [`${prefix}/audit-version`]: version,
    [`${prefix}/warn`]: 'restricted',
    [`${prefix}/warn-version`]: version,
  };
}
