import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';
import { installMocks, type RecordedResource, settle } from '@slipway/infra-testing';
import { Platform, type PlatformArgs } from '../src/platform.ts';

export const releaseType = 'kubernetes:helm.sh/v3:Release';
export const namespaceType = 'kubernetes:core/v1:Namespace';
export const networkPolicyType = 'kubernetes:networking.k8s.io/v1:NetworkPolicy';
export const clusterIssuerType = 'kubernetes:cert-manager.io/v1:ClusterIssuer';
export const scheduleType = 'kubernetes:velero.io/v1:Schedule';
export const gatewayType = 'kubernetes:gateway.networking.k8s.io/v1:Gateway';
export const httpRouteType = 'kubernetes:gateway.networking.k8s.io/v1:HTTPRoute';
export const gatewayClassType = 'kubernetes:gateway.networking.k8s.io/v1:GatewayClass';
export const envoyProxyType = 'kubernetes:gateway.envoyproxy.io/v1alpha1:EnvoyProxy';
export const clientTrafficPolicyType =
  'kubernetes:gateway.envoyproxy.io/v1alpha1:ClientTrafficPolicy';
export const priorityClassType = 'kubernetes:scheduling.k8s.io/v1:PriorityClass';

/** The API server's endpoints as a cluster would list them: two control-plane addresses. */
export const testApiServer = { addresses: ['10.0.0.5', '10.0.1.5'], port: 443 } as const;

/** Every optional part on, with the minimum each needs. */
export const everythingOn: PlatformArgs = {
  namespaces: ['slipway-dev', 'slipway-staging'],
  gateway: {
    domains: { 'slipway-dev': 'dev.example.com', 'slipway-staging': 'staging.example.com' },
    controller: {
      kind: 'envoy-gateway',
      serviceAnnotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' },
    },
  },
  certManager: {
    email: 'platform@example.com',
    dns01: { provider: 'route53', region: 'eu-west-1' },
    serviceAccountAnnotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/cert-manager' },
  },
  backups: {
    provider: 'aws',
    bucket: 'acme-velero',
    locationConfig: { region: 'eu-west-1' },
    serviceAccountAnnotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/velero' },
  },
  apiServer: () => testApiServer,
  gatewayLoadBalancer: {
    loadBalancerClass: 'eks.amazonaws.com/nlb',
    annotations: {
      'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
      'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
    },
  },
};

/** Builds the Platform component under mocks and returns what it registered. */
export async function deployPlatform(args: PlatformArgs): Promise<RecordedResource[]> {
  return (await deployPlatformWithOptions(args)).resources;
}

/** A registered resource's options, as the program gave them (the mocks never see options). */
export interface RecordedOptions {
  readonly type: string;
  readonly name: string;
  readonly opts: pulumi.ResourceOptions;
}

/**
 * Builds the Platform component under mocks and returns what it registered, and with which
 * resource options: a transformation on the component sees each child's options.
 */
export async function deployPlatformWithOptions(
  args: PlatformArgs,
): Promise<{ resources: RecordedResource[]; options: RecordedOptions[] }> {
  const resources = await installMocks({ project: 'slipway-platform' });
  const options: RecordedOptions[] = [];
  const record: pulumi.ResourceTransformation = ({ type, name, opts }) => {
    options.push({ type, name, opts });
    return undefined;
  };
  const provider = new k8s.Provider('cluster', {});
  new Platform('slipway', args, {
    providers: { kubernetes: provider },
    transformations: [record],
  });
  await settle();
  return { resources, options };
}

/** The `metadata` of a recorded Kubernetes resource. */
export function metadataOf(resource: RecordedResource | undefined): {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
} {
  return (resource?.inputs.metadata ?? {}) as ReturnType<typeof metadataOf>;
}
