import * as k8s from '@pulumi/kubernetes';
import type { PlatformOutputs } from '@slipway/infra-platform/outputs';
import type { ClusterStack } from '@slipway/infra-workload-identity';
import type { ServiceManifestInput } from '@slipway/service-manifest';
import { Microservice } from './microservice.ts';
import { planServices } from './plan-services.ts';
import type { StackConfig } from './stack-config.ts';

/** What {@link deployServices} created. */
export interface DeployedServices {
  readonly namespace: string;
  /** One component per service, by service name. */
  readonly services: Readonly<Record<string, Microservice>>;
}

/**
 * Deploys every service of the catalog to the stack's namespace through one `Microservice`
 * each, with a Kubernetes provider from the cluster stack's `kubeconfig` output (`cluster`, read
 * by the program when `clusterStack` is set) or the ambient kube context. Public services attach to the gateway
 * the platform stack's outputs name for the namespace (`platform`: read by the program through
 * a StackReference, or given by a render). With the cluster's `workloadIdentity`, each service's ServiceAccount gets a cloud identity; without
 * (kind, a render) nothing changes. Validates everything first, so bad manifests or config fail
 * before a single resource is registered.
 * @example const { services } = deployServices(loadServiceManifests(repoRoot), config, platform);
 */
export function deployServices(
  manifests: readonly ServiceManifestInput[],
  config: StackConfig,
  platform: PlatformOutputs | undefined,
  cluster?: ClusterStack,
): DeployedServices {
  const plans = planServices(manifests, config, platform);
  const provider = new k8s.Provider(
    'kubernetes',
    cluster ? { kubeconfig: cluster.kubeconfig } : {},
  );
  const workloadIdentity = cluster?.workloadIdentity;
  const services: Record<string, Microservice> = {};
  for (const { manifest, image, secrets, callees, route } of plans) {
    services[manifest.name] = new Microservice(
      manifest.name,
      {
        manifest,
        environment: config.environment,
        namespace: config.namespace,
        image,
        secrets,
        callees,
        ...(route ? { route } : {}),
        ...(workloadIdentity ? { workloadIdentity } : {}),
      },
      { providers: [provider] },
    );
  }
  return { namespace: config.namespace, services };
}
