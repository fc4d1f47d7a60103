import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import '../../src/cluster-info.js';
import { readClusterEnv } from '../../src/cluster-env.js';
import { KubeClient } from '../../src/kube/kube-client.js';
import { readKubeconfig } from '../../src/kube/kubeconfig.js';
import type { StackRequest, StackResult } from '../../src/pulumi/stack-request.js';
import { runStack } from '../../src/pulumi/stack-runner.js';

/** The repository the suite runs in: the programs deployed are its own. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** What a test file of the cluster suite works with. */
export interface ClusterSuite {
  readonly info: ReturnType<typeof inject<'cluster'>>;
  readonly kube: KubeClient;
  /** Runs a Pulumi operation; `breaks` from SLIPWAY_CLUSTER_BREAK are added to services stacks. */
  stack(request: StackRequest, root?: string): Promise<StackResult>;
}

/**
 * The cluster the global setup provisioned, a client for it and a Pulumi runner with the
 * suite's throwaway state.
 * @example const { kube, stack } = useCluster();
 */
export function useCluster(): ClusterSuite {
  const info = inject('cluster');
  const kube = new KubeClient(readKubeconfig(info.kubeconfig));
  const breaks = readClusterEnv().breakProgram;
  return {
    info,
    kube,
    stack: (request, root = repoRoot) =>
      runStack(
        request.projectDir.endsWith('services') && breaks.length > 0
          ? { ...request, breaks }
          : request,
        info,
        root,
      ),
  };
}
