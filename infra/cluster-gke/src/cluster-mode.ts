/**
 * How GKE runs the cluster's nodes, the program's one switch (`mode`):
 * - `autopilot`: Google provisions and manages the nodes per pod; the bill follows pod requests.
 * - `standard`: the project owns the nodes; node auto-provisioning creates node pools for
 *   pending pods within `resourceLimits`, and a small pool of ours runs the system pods.
 */
export const clusterModes = ['autopilot', 'standard'] as const;

/** One of {@link clusterModes}. */
export type ClusterMode = (typeof clusterModes)[number];

/** The mode a stack gets when it says nothing: Autopilot, Google's default for new clusters. */
export const defaultClusterMode: ClusterMode = 'autopilot';
