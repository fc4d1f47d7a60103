/**
 * Security contexts that pass the restricted Pod Security Standard, for the add-ons' charts
 * whose values take them. 65532 is the distroless `nonroot` user both Envoy Gateway's and
 * Velero's images run as.
 */

/** The non-root uid and gid the add-ons' images run as. */
export const nonRootId = 65532;

/** Pod-level security context of the restricted profile. */
export const restrictedPodSecurityContext = {
  runAsNonRoot: true,
  runAsUser: nonRootId,
  runAsGroup: nonRootId,
  fsGroup: nonRootId,
  seccompProfile: { type: 'RuntimeDefault' },
} as const;

/** Container-level security context of the restricted profile, read-only root included. */
export const restrictedContainerSecurityContext = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
} as const;

/**
 * Spreads the pods `labels` select over the cluster's zones, as evenly as the nodes allow:
 * a zone outage takes at most its share. Nodes the pods may not run on (tainted, or outside
 * their node affinity) are no domains to balance over.
 * @example zoneSpread({ 'app.kubernetes.io/name': 'envoy' })
 */
export function zoneSpread(
  labels: Readonly<Record<string, string>>,
  matchLabelKeys?: readonly string[],
) {
  return {
    maxSkew: 1,
    topologyKey: 'topology.kubernetes.io/zone',
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: labels },
    nodeAffinityPolicy: 'Honor',
    nodeTaintsPolicy: 'Honor',
    ...(matchLabelKeys ? { matchLabelKeys } : {}),
  } as const;
}
