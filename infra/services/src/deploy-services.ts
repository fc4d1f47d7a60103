import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { ServiceManifestInput } from '@slipway/service-manifest';
import { Microservice } from './microservice.js';
import { planServices } from './plan-services.js';
import type { StackConfig } from './stack-config.js';

/** What {@link deployServices} created. */
export interface DeployedServices {
  readonly namespace: string;
  /** One component per service, by service name. */
  readonly services: Readonly<Record<string, Microservice>>;
}

/**
 * Deploys every service of the catalog to the stack's namespace through one `Microservice`
 * each, with a Kubernetes provider from the cluster stack's `kubeconfig` output (when
 * `clusterStack` is set) or the ambient kube context. Validates everything first, so bad
 * manifests or config fail before a single resource is registered.
 * @example const { services } = deployServices(loadServiceManifests(repoRoot), readStackConfig());
 */
export function deployServices(
  manifests: readonly ServiceManifestInput[],
  config: StackConfig,
): DeployedServices {
  const plans = planServices(manifests, config);
  const kubeconfig = config.clusterStack
    ? new pulumi.StackReference('cluster', { name: config.clusterStack }).requireOutput(
        'kubeconfig',
      )
    : undefined;
  const provider = new k8s.Provider('kubernetes', kubeconfig ? { kubeconfig } : {});
  const services: Record<string, Microservice> = {};
  for (const plan of plans) {
    services[plan.manifest.name] = new Microservice(
      plan.manifest.name,
      {
        manifest: plan.manifest,
        environment: config.environment,
        namespace: config.namespace,
        image: plan.image,
        secrets: plan.secrets,
        callees: plan.callees,
        ...(plan.host ? { host: plan.host } : {}),
        ingressClassName: config.ingressClassName,
        ingressNamespace: config.ingressNamespace,
        clusterIssuer: config.clusterIssuer,
      },
      { providers: [provider] },
    );
  }
  return { namespace: config.namespace, services };
}
