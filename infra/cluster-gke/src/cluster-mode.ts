/**
 * How GKE runs the cluster's nodes, the program's one switch (`mode`):
 * - `autopilot`: Google provisions and manages the nodes per pod; the bill follows pod requests.
 * - `standard`: the project owns the nodes; node auto-provisioning creates node pools for
 *   pending pods within `resourceLimits`, and a small pool of ours runs the system pods.
 */
export const gkeModes = ['autopilot', 'standard'] as const;

/** One of {@link gkeModes}. */
export type GkeMode = (typeof gkeModes)[number];

/** The mode a stack gets when it says nothing: Autopilot, Google's default for new clusters. */
export const defaultGkeMode: GkeMode = 'autopilot';
