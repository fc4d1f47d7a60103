import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { PlatformOutputs } from '@slipway/infra-platform/outputs';
import type { WorkloadIdentity } from '@slipway/infra-workload-identity';
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
 * each, with a Kubernetes provider from the cluster stack's `kubeconfig` output (when
 * `clusterStack` is set) or the ambient kube context. Public services attach to the gateway
 * the platform stack's outputs name for the namespace (`platform`: read by the program through
 * a StackReference, or given by a render). With the cluster's `workloadIdentity` (read by the
 * program from the cluster stack), each service's ServiceAccount gets a cloud identity; without
 * (kind, a render) nothing changes. Validates everything first, so bad manifests or config fail
 * before a single resource is registered.
 * @example const { services } = deployServices(loadServiceManifests(repoRoot), config, platform);
 */
export function deployServices(
  manifests: readonly ServiceManifestInput[],
  config: StackConfig,
  platform: PlatformOutputs | undefined,
  workloadIdentity?: WorkloadIdentity,
): DeployedServices {
  const plans = planServices(manifests, config, platform);
  const kubeconfig = config.clusterStack
    ? new pulumi.StackReference('cluster', { name: config.clusterStack }).requireOutput(
        'kubeconfig',
      )
    : undefined;
  const provider = new k8s.Provider('kubernetes', kubeconfig ? { kubeconfig } : {});
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
