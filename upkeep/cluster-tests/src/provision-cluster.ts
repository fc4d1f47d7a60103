import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ClusterEnv, clusterEnvNames } from './cluster-env.ts';
import { startLocalControlPlane } from './control-plane/local-control-plane.ts';

/** A cluster to test against, and how to let it go. */
export interface ProvisionedCluster {
  readonly source: 'local' | 'kubeconfig';
  readonly kubeconfig: string;
  /** Where `pulumi` and its Kubernetes provider are, when the assets folder has them. */
  readonly toolsPath?: string;
  release(): Promise<void>;
}

/** The message of a run with no way to get a cluster: both ways, as commands. */
export const noClusterMessage = [
  'The cluster suite needs a Kubernetes API server. Either:',
  `  - build the local control plane once (about 30 min cold on 2 cores, then cached) and export its folder:`,
  `      source upkeep/cluster-tools/build.sh   # sets ${clusterEnvNames.assets}`,
  `  - or name a cluster you have (its current context; a token or client certificate, e.g. kind's):`,
  `      kind create cluster && ${clusterEnvNames.kubeconfig}=$HOME/.kube/config npm run test:cluster`,
].join('\n');

function toolsIn(assets: string | undefined): string | undefined {
  return assets && existsSync(join(assets, 'pulumi')) ? assets : undefined;
}

/**
 * The cluster, in order of preference: the kubeconfig the user gave, else a local control
 * plane started from the assets folder in `workDir`, else an error saying how to get one.
 * @example const cluster = await provisionCluster(readClusterEnv(), workDir);
 */
export async function provisionCluster(
  env: ClusterEnv,
  workDir: string,
): Promise<ProvisionedCluster> {
  const toolsPath = toolsIn(env.assets);
  const tools = toolsPath ? { toolsPath } : {};
  if (env.kubeconfig) {
    if (!existsSync(env.kubeconfig)) {
      throw new Error(`${clusterEnvNames.kubeconfig}=${env.kubeconfig}: no such file`);
    }
    return { source: 'kubeconfig', kubeconfig: env.kubeconfig, ...tools, release: async () => {} };
  }
  if (!env.assets) throw new Error(noClusterMessage);
  const controlPlaneDir = join(workDir, 'control-plane');
  mkdirSync(controlPlaneDir, { recursive: true });
  const controlPlane = await startLocalControlPlane({
    assets: env.assets,
    workDir: controlPlaneDir,
  });
  return {
    source: 'local',
    kubeconfig: controlPlane.kubeconfig,
    ...tools,
    release: controlPlane.stop,
  };
}
