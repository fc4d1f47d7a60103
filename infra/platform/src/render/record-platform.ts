import * as pulumi from '@pulumi/pulumi';
import { installMocks, type RecordedResource, settle } from '@slipway/infra-testing/render';
import type { GatewayLoadBalancer } from '@slipway/infra-workload-identity';
import { pulumiProject } from '@slipway/platform-contract';
import { definePlatformStack } from '../define-platform-stack.ts';
import type { PlatformStackOutputs } from '../platform-stack-outputs.ts';

/** The Pulumi project the platform program's config keys are prefixed with. */
export const platformProject = pulumiProject('platform');

/** What a run of the program under mocks registered and exported. */
export interface RecordedPlatform {
  /** Every registered resource with its inputs; secrets still marked (`isSecretMarker`). */
  readonly resources: readonly RecordedResource[];
  readonly outputs: PlatformStackOutputs;
}

/** A stand-in for the cluster stack's kubeconfig; nothing connects to a cluster under mocks. */
const mockKubeconfig = 'apiVersion: v1\nkind: Config\n';

/**
 * A stand-in for the cluster stack's `gatewayLoadBalancer`, as an EKS Auto Mode cluster exports
 * it; a deploy reads the real one.
 */
const mockGatewayLoadBalancer: GatewayLoadBalancer = {
  loadBalancerClass: 'eks.amazonaws.com/nlb',
  annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' },
};

/**
 * A stand-in for the `default/kubernetes` EndpointSlice (a documentation address, RFC 5737):
 * the rendered policies show where the API server's address goes; a deploy reads the real one.
 */
const mockApiServerSlice = {
  endpoints: [{ addresses: ['192.0.2.10'] }],
  ports: [{ name: 'https', port: 443, protocol: 'TCP' }],
};

/**
 * Runs the platform program (the same `definePlatformStack` the entry point calls) under
 * Pulumi mocks, with no engine, cloud or cluster, and records every registered resource.
 * `config` is the stack file's `config:` map: a key without a namespace is the platform's
 * (`gateway` is `slipway-platform:gateway`), another namespace's `kubernetes:context` stays.
 * Mocks are process-wide: run one at a time.
 *
 * @example
 * const { resources, outputs } = await recordPlatform('dev', { namespaces: ['slipway-dev'] });
 */
export async function recordPlatform(
  stack: string,
  config: Readonly<Record<string, unknown>>,
): Promise<RecordedPlatform> {
  const resources = await installMocks({
    project: platformProject,
    stack,
    config,
    // A read object's state is the live one.
    outputsOf: (resource) =>
      resource.type === 'kubernetes:discovery.k8s.io/v1:EndpointSlice'
        ? mockApiServerSlice
        : undefined,
  });
  const platformConfig = new pulumi.Config(platformProject);
  // What the entry point reads from the cluster stack, but no cloud identity: a render shows the
  // Kubernetes objects, which an identity changes only on Azure (an annotation and a label).
  const cluster = platformConfig.get('clusterStack')
    ? {
        kubeconfig: pulumi.secret(mockKubeconfig),
        gatewayLoadBalancer: pulumi.output<GatewayLoadBalancer>(mockGatewayLoadBalancer),
        // The platform reads no data network; the services program does.
        dataNetwork: undefined,
      }
    : undefined;
  const outputs = definePlatformStack(platformConfig, stack, cluster);
  await settle();
  return { resources, outputs };
}
