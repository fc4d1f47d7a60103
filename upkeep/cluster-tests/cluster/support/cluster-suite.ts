import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import '../../src/cluster-info.ts';
import { readClusterEnv } from '../../src/cluster-env.ts';
import { KubeClient } from '../../src/kube/kube-client.ts';
import { readKubeconfig } from '../../src/kube/kubeconfig.ts';
import type { StackRequest, StackResult } from '../../src/pulumi/stack-request.ts';
import { runStack } from '../../src/pulumi/stack-runner.ts';

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
