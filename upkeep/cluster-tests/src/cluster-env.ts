/** The environment variables the cluster suite reads, each named once. */
export const clusterEnvNames = {
  /** A kubeconfig to test against instead of starting a control plane (its current context). */
  kubeconfig: 'SLIPWAY_TEST_KUBECONFIG',
  /** The folder of control-plane and Pulumi binaries `upkeep/cluster-tools/build.sh` prints (envtest's convention). */
  assets: 'SLIPWAY_CLUSTER_ASSETS',
  /** Test-only: break the deployed programs on purpose (`replicas`, `root`, `spread`), to see the checks fail. */
  breakProgram: 'SLIPWAY_CLUSTER_BREAK',
  /** kind end-to-end: where its throwaway Pulumi state and certificates live. */
  e2eDir: 'SLIPWAY_E2E_DIR',
  /**
   * kind end-to-end: the run's PostgreSQL, the existing server of every declared `postgres`
   * (`dataServices.<service>.postgres`: this URL, and its host's address as the egress CIDR).
   */
  e2eDatabaseUrl: 'SLIPWAY_E2E_DATABASE_URL',
} as const;

/** The suite's settings, read from the environment in this one place. */
export interface ClusterEnv {
  readonly kubeconfig?: string;
  readonly assets?: string;
  readonly breakProgram: readonly string[];
  readonly e2eDir?: string;
  readonly e2eDatabaseUrl?: string;
  /** The kubeconfig kubectl and Pulumi use (`KUBECONFIG`), if set. */
  readonly ambientKubeconfig?: string;
}

/**
 * Reads the suite's settings; empty values count as unset.
 * @example readClusterEnv({ SLIPWAY_CLUSTER_ASSETS: '/cache/bin' }).assets // '/cache/bin'
 */
export function readClusterEnv(env: NodeJS.ProcessEnv = process.env): ClusterEnv {
  const value = (name: string) => (env[name] ? env[name] : undefined);
  const kubeconfig = value(clusterEnvNames.kubeconfig);
  const assets = value(clusterEnvNames.assets);
  const e2eDir = value(clusterEnvNames.e2eDir);
  const e2eDatabaseUrl = value(clusterEnvNames.e2eDatabaseUrl);
  const ambientKubeconfig = value('KUBECONFIG');
  return {
    ...(e2eDir ? { e2eDir } : {}),
    ...(e2eDatabaseUrl ? { e2eDatabaseUrl } : {}),
    ...(ambientKubeconfig ? { ambientKubeconfig } : {}),
    ...(kubeconfig ? { kubeconfig } : {}),
    ...(assets ? { assets } : {}),
    breakProgram: (value(clusterEnvNames.breakProgram) ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  };
}
