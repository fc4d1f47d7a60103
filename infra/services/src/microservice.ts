import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { DataServiceEndpoint } from '@slipway/infra-data-services';
import type { PlatformMonitoring } from '@slipway/infra-platform/outputs';
import { ServiceAccountIdentity, type WorkloadIdentity } from '@slipway/infra-workload-identity';
import {
  componentType,
  type DataServiceKind,
  dataServiceKinds,
  dataServiceVariables,
} from '@slipway/platform-contract';
import type { Environment, ServiceManifest } from '@slipway/service-manifest';
import { deploymentSpec } from './deployment-spec.ts';
import { standardLabels } from './labels.ts';
import {
  egressPolicyAnnotations,
  egressPolicySpec,
  ingressPolicySpec,
} from './network-policy-specs.ts';
import { serviceObservability } from './observability-objects.ts';
import { type PublicRoute, publicRouteObjects } from './public-route-objects.ts';
import { autoscalerSpec, disruptionBudgetSpec } from './scaling-specs.ts';
import {
  buildServiceConfig,
  type Callee,
  clusterServiceUrl,
  configChecksum,
  mountedSecrets,
} from './service-environment.ts';
import { defaultPreStopSeconds, shutdownTiming } from './shutdown-timing.ts';
import { telemetryEnvironment } from './telemetry-environment.ts';
import { serviceSpec } from './traffic-specs.ts';

/** Arguments of {@link Microservice}. */
export interface MicroserviceArgs {
  /** The validated service manifest (`apps/<name>/service.yaml`); required. */
  readonly manifest: ServiceManifest;
  /** The environment whose `config` section applies; required. */
  readonly environment: Environment;
  /** The environment namespace, created by the platform program; required, never `default`. */
  readonly namespace: string;
  /** The container image, used as given: `repo:tag@sha256:…` (CI), `repo@sha256:…` or `repo:tag`; required. */
  readonly image: string;
  /** Secret values by name, one per `manifest.secrets` entry; default: none. */
  readonly secrets?: Readonly<Record<string, pulumi.Input<string>>>;
  /** The services this one calls, with their ports; default: none. */
  readonly callees?: readonly Callee[];
  /** Host and gateway of a public service; required when `manifest.public`, ignored otherwise. */
  readonly route?: PublicRoute;
  /** Seconds the preStop hook sleeps before SIGTERM; default: 5. */
  readonly preStopSeconds?: number;
  /** The cluster's workload identity: the ServiceAccount gets a cloud identity; default: none (kind). */
  readonly workloadIdentity?: WorkloadIdentity;
  /**
   * Its declared data services' endpoints, provisioned or existing, by kind: each URL (and CA)
   * goes into the Secret, mounted as a file, and each gets its egress rule; default: none.
   */
  readonly dataServices?: Partial<Record<DataServiceKind, DataServiceEndpoint>>;
  /**
   * The platform stack's `monitoring` output: with it the service gets its PrometheusRule and
   * dashboard, exports traces to the collector and may reach it; default: none of these.
   */
  readonly monitoring?: PlatformMonitoring;
  /**
   * A pull request's preview (`npm run preview`): one pod, no HPA or PDB, and no HTTPRoute of its
   * own (`preview-route.ts` puts it on the environment's gateway); `route` still opens the
   * ingress to the gateway's proxies. Default: false.
   */
  readonly preview?: boolean;
}

/** The Secret's values: the manifest's secrets, then each data service's URL and CA. */
function secretValues(
  manifest: ServiceManifest,
  secrets: Readonly<Record<string, pulumi.Input<string>>>,
  dataServices: Partial<Record<DataServiceKind, DataServiceEndpoint>>,
): Record<string, pulumi.Output<string>> {
  // pulumi.secret keeps each value encrypted in state and masked in every output.
  const values = Object.fromEntries(
    manifest.secrets.map((key) => [key, pulumi.secret(secrets[key] ?? '')]),
  );
  for (const kind of dataServiceKinds) {
    const endpoint = dataServices[kind];
    if (!endpoint) continue;
    values[dataServiceVariables[kind].url] = pulumi.secret(endpoint.url);
    if (endpoint.caCertificate)
      values[dataServiceVariables[kind].caCertificate] = pulumi.secret(endpoint.caCertificate);
  }
  return values;
}

/**
 * One service of the catalog on Kubernetes: ServiceAccount, ConfigMap, Secret (its secrets and
 * its data services' URLs), Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget,
 * NetworkPolicies (egress to its data services included), when public an HTTPRoute on the
 * environment's gateway with its traffic policies and, when the platform's monitoring is on, its PrometheusRule, its
 * dashboard's ConfigMap, the OpenTelemetry variables and egress to the collector. It only
 * composes: each spec is a pure function beside it. See docs/deploying.md for every choice.
 * @example new Microservice('orders', { manifest, environment: 'dev', namespace: 'slipway-dev', image }, { providers: [provider] });
 */
export class Microservice extends pulumi.ComponentResource {
  /** In-cluster base URL, the value callers get as `<NAME>_URL`. */
  readonly url: pulumi.Output<string>;
  /** Public URL of a public service, else undefined. */
  readonly publicUrl: pulumi.Output<string | undefined>;
  /** Every Kubernetes resource of the service, in apply order. */
  readonly resources: readonly pulumi.CustomResource[];
  /** The cloud identity of its ServiceAccount, when the cluster has workload identity. */
  readonly identity: ServiceAccountIdentity | undefined;

  constructor(name: string, args: MicroserviceArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('services', 'Microservice'), name, {}, opts);
    const { manifest, environment, namespace, image, secrets = {}, callees = [] } = args;
    const { dataServices = {}, monitoring } = args;
    const route = manifest.public ? args.route : undefined;
    if (manifest.public && !route) throw new Error(`${manifest.name} is public: pass its route`);
    const service = manifest.name;
    const labels = standardLabels({ name: service, environment, image, public: manifest.public });
    const metadata = { name: service, namespace, labels };
    const child = { parent: this };
    const timing = shutdownTiming(manifest.shutdown, args.preStopSeconds ?? defaultPreStopSeconds);
    const mounted = mountedSecrets(manifest, dataServices);
    const data = buildServiceConfig({
      manifest,
      environment,
      namespace,
      callees,
      timing,
      secrets: mounted,
      ...(monitoring
        ? { tracing: telemetryEnvironment({ service, environment, image, monitoring }) }
        : {}),
    });
    const policy = {
      manifest,
      environment,
      callees,
      gateway: route?.gateway.dataPlane,
      dataServices,
      ...(monitoring ? { monitoring } : {}),
    };
    const annotations = egressPolicyAnnotations(policy);
    // Only a service with data services has them: the others' policies stay as they were.
    const egressAnnotations = Object.keys(annotations).length > 0 ? { annotations } : {};
    const { ServiceAccount, ConfigMap, Secret, Service } = k8s.core.v1;
    const { NetworkPolicy } = k8s.networking.v1;

    const identity = args.workloadIdentity
      ? new ServiceAccountIdentity(
          `${name}-identity`,
          { identity: args.workloadIdentity, namespace, serviceAccount: service },
          child,
        )
      : undefined;
    // The identity's annotations only when there is one: without, the object stays as it was.
    const accountMetadata = identity
      ? { ...metadata, annotations: identity.serviceAccountAnnotations }
      : metadata;

    const resources: pulumi.CustomResource[] = [
      new ServiceAccount(
        `${name}-service-account`,
        // No token mounted: each cloud's identity brings its own (docs/clusters/workload-identity.md).
        { metadata: accountMetadata, automountServiceAccountToken: false },
        child,
      ),
      new ConfigMap(`${name}-config`, { metadata, data }, child),
    ];
    if (mounted.length > 0) {
      const stringData = secretValues(manifest, secrets, dataServices);
      resources.push(
        new Secret(`${name}-secrets`, { metadata, type: 'Opaque', stringData }, child),
      );
    }
    const spec = deploymentSpec({
      manifest,
      environment,
      image,
      labels,
      configChecksum: configChecksum(data),
      timing,
      mountsSecrets: mounted.length > 0,
      ...(identity ? { podLabels: identity.podLabels } : {}),
    });
    resources.push(
      new k8s.apps.v1.Deployment(`${name}-deployment`, { metadata, spec }, child),
      new Service(`${name}-service`, { metadata, spec: serviceSpec(manifest, environment) }, child),
      // A preview runs one pod (the Deployment sets no replicas): no HPA, and a PDB over one pod
      // would only block node drains of the shared cluster.
      ...(args.preview
        ? []
        : [
            new k8s.autoscaling.v2.HorizontalPodAutoscaler(
              `${name}-autoscaler`,
              { metadata, spec: autoscalerSpec(manifest, environment) },
              child,
            ),
            new k8s.policy.v1.PodDisruptionBudget(
              `${name}-disruption-budget`,
              { metadata, spec: disruptionBudgetSpec(manifest, environment) },
              child,
            ),
          ]),
      new NetworkPolicy(
        `${name}-ingress-policy`,
        { metadata: { ...metadata, name: `${service}-ingress` }, spec: ingressPolicySpec(policy) },
        child,
      ),
      new NetworkPolicy(
        `${name}-egress-policy`,
        {
          metadata: { ...metadata, name: `${service}-egress`, ...egressAnnotations },
          spec: egressPolicySpec(policy),
        },
        child,
      ),
    );
    // A preview's route is its own (preview-route.ts), on the staging gateway under its own host.
    if (route && !args.preview)
      resources.push(...publicRouteObjects(name, { manifest, metadata, route }, child));
    if (monitoring)
      resources.push(
        ...serviceObservability(name, { manifest, environment, namespace, labels }, child),
      );

    this.resources = resources;
    this.identity = identity;
    this.url = pulumi.output(clusterServiceUrl(service, namespace, manifest.port));
    this.publicUrl = pulumi.output(route ? `https://${route.host}` : undefined);
    this.registerOutputs({ url: this.url, publicUrl: this.publicUrl });
  }
}
