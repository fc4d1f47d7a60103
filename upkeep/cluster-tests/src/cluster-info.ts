import type { PulumiEnvironment } from './pulumi/stack-runner.ts';

/** What the global setup hands every test file: the cluster and Pulumi's throwaway state. */
interface ClusterInfo extends PulumiEnvironment {
  /** `local`: the suite's own control plane (kwok nodes); `kubeconfig`: a cluster the user gave. */
  readonly source: 'local' | 'kubeconfig';
}

declare module 'vitest' {
  export interface ProvidedContext {
    cluster: ClusterInfo;
  }
}
