import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';
import {
  type DataServiceEndpoint,
  type ProvisionedDataServices,
  provisionDataServices,
} from '@slipway/infra-data-services';
import type { PlatformOutputs } from '@slipway/infra-platform/outputs';
import type { ClusterStack, DataNetwork } from '@slipway/infra-workload-identity';
import { type DataServiceKind, productNames } from '@slipway/platform-contract';
import type { ServiceManifestInput } from '@slipway/service-manifest';
import { standardLabels } from './labels.ts';
import { Microservice } from './microservice.ts';
import { certificateAlerts } from './observability-objects.ts';
import { planServices } from './plan-services.ts';
import { PreviewNamespace } from './preview-namespace.ts';
import { previewPlans } from './preview-plans.ts';
import { previewRoute } from './preview-route.ts';
import type { StackConfig } from './stack-config.ts';

/** What {@link deployServices} created. */
export interface DeployedServices {
  readonly namespace: string;
  /** One component per service, by service name. */
  readonly services: Readonly<Record<string, Microservice>>;
  /** Each service's data services, provisioned or existing, by service and kind. */
  readonly dataServices: ProvisionedDataServices;
  /** The environment's objects of no one service: its certificate alerts, when monitoring is on. */
  readonly environmentResources: readonly pulumi.CustomResource[];
  /** A pull request's preview: its number and expiry (the stack's `preview` output, read by `npm run preview -- gc`). */
  readonly preview?: { readonly pr: number; readonly expiresAt: string };
}

/** Where {@link deployServices} deploys, beyond the stack config. */
export interface DeployServicesOptions {
  /** The cluster stack's outputs (`clusterStack`): kubeconfig, workload identity, data network; default: none (kind, a render). */
  readonly cluster?: ClusterStack;
  /** Where declared data services go; default: the cluster stack's `dataNetwork`. A render passes its stand-in. */
  readonly dataNetwork?: DataNetwork;
  /** What provisions them; default: `provisionDataServices`. A render wraps it to tell each cloud resource's service. */
  readonly provision?: typeof provisionDataServices;
}

/**
 * Deploys every service of the catalog to the stack's namespace through one `Microservice`
 * each, with a Kubernetes provider from the cluster stack's `kubeconfig` output (`cluster`, read
 * by the program when `clusterStack` is set) or the ambient kube context. Public services attach to the gateway
 * the platform stack's outputs name for the namespace (`platform`: read by the program through
 * a StackReference, or given by a render). With the cluster's `workloadIdentity`, each service's ServiceAccount gets a cloud identity (a
 * preview's never does); without (kind, a render) nothing changes. With the platform's `monitoring` output, each service gets its
 * alert rules, dashboard and traces, and the environment its certificate alerts. Each declared
 * data service is provisioned on the data network
 * (one server per service, named `<product>-<environment>-…`) unless the stack config names an
 * existing server for it. Validates everything first, so bad manifests or config fail before a
 * single resource is registered.
 * @example const { services } = deployServices(loadServiceManifests(repoRoot), config, platform, { cluster });
 */
export function deployServices(
  manifests: readonly ServiceManifestInput[],
  config: StackConfig,
  platform: PlatformOutputs | undefined,
  {
    cluster,
    dataNetwork = cluster?.dataNetwork,
    provision = provisionDataServices,
  }: DeployServicesOptions = {},
): DeployedServices {
  const { preview } = config;
  // A preview is checked as the environment it borrows the gateway of, then narrowed to its services.
  const plans = preview
    ? previewPlans(
        planServices(
          manifests,
          { ...config, namespace: preview.environmentNamespace },
          platform,
          dataNetwork,
        ),
        preview,
        config.stack,
      )
    : planServices(manifests, config, platform, dataNetwork);
  const provider = new k8s.Provider(
    'kubernetes',
    cluster ? { kubeconfig: cluster.kubeconfig } : {},
  );
  const previewNamespace = preview
    ? new PreviewNamespace(
        'preview',
        { preview, manifests: plans.map((plan) => plan.manifest) },
        { provider },
      )
    : undefined;
  const toProvision = plans
    .map((plan) => ({ name: plan.manifest.name, dataServices: plan.dataServices.provision }))
    .filter((service) => Object.keys(service.dataServices).length > 0);
  // planServices has refused a declared data service with no network and no existing server.
  const provisioned =
    dataNetwork && toProvision.length > 0
      ? provision({
          network: dataNetwork,
          environment: config.environment,
          resourcePrefix: `${productNames.name}-${config.environment}`,
          services: toProvision,
        })
      : {};
  // A preview gets no cloud identity: nothing grants a pull request's identity anything, and
  // without one the preview's role needs no right to create IAM roles or managed identities.
  const workloadIdentity = preview ? undefined : cluster?.workloadIdentity;
  // The PrometheusRule kind exists only where the platform installed the monitoring stack; a
  // preview gets no alerts (nobody is paged for a pull request) and no dashboards.
  const monitoring = preview ? undefined : platform?.monitoring;
  const services: Record<string, Microservice> = {};
  const dataServices: Record<string, Partial<Record<DataServiceKind, DataServiceEndpoint>>> = {};
  for (const { manifest, image, secrets, callees, route, dataServices: planned } of plans) {
    const endpoints = { ...provisioned[manifest.name], ...planned.existing };
    if (Object.keys(endpoints).length > 0) dataServices[manifest.name] = endpoints;
    const component = new Microservice(
      manifest.name,
      {
        manifest,
        environment: config.environment,
        namespace: config.namespace,
        image,
        secrets,
        callees,
        dataServices: endpoints,
        ...(route ? { route } : {}),
        ...(workloadIdentity ? { workloadIdentity } : {}),
        ...(monitoring ? { monitoring } : {}),
        ...(preview ? { preview: true } : {}),
      },
      {
        providers: [provider],
        ...(previewNamespace ? { dependsOn: [...previewNamespace.resources] } : {}),
      },
    );
    services[manifest.name] = component;
    if (preview && route)
      previewRoute(
        manifest.name,
        {
          manifest,
          preview,
          route,
          labels: standardLabels({
            name: manifest.name,
            environment: config.environment,
            image,
            public: true,
          }),
        },
        { provider, dependsOn: [component] },
      );
  }
  const environmentResources = monitoring
    ? [
        certificateAlerts(
          { environment: config.environment, namespace: config.namespace },
          { provider },
        ),
      ]
    : [];
  return {
    namespace: config.namespace,
    services,
    dataServices,
    environmentResources,
    ...(preview ? { preview: { pr: preview.pr, expiresAt: preview.expiresAt } } : {}),
  };
}
