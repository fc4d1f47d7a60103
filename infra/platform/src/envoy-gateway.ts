import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { GatewayLoadBalancer } from '@slipway/infra-workload-identity';
import { componentType, productNames } from '@slipway/platform-contract';
import { environmentProfiles } from '@slipway/service-manifest';
import { createAddonNamespace } from './addon-namespace.ts';
import type { ApiServerEndpoints } from './api-server-endpoints.ts';
import { edgePriorityClass, edgePriorityClassName } from './edge-priority-class.ts';
import { envoyGatewayNetworkAccess } from './envoy-gateway-network-policies.ts';
import {
  envoyGatewayClassName,
  envoyGatewayControllerName,
  envoyGatewayCrdsValues,
  envoyGatewayNamespace,
  envoyGatewayValues,
  envoyProxySpec,
} from './envoy-gateway-specs.ts';
import { proxyLoadBalancer } from './gateway-load-balancer.ts';
import { helmChartArgs } from './helm-chart.ts';
import { type PodSecurityLevel, platformLabels } from './platform-labels.ts';
import { envoyGatewayChart, envoyGatewayCrdsChart } from './versions.ts';

/** Without replicas given, prod's: the component never runs fewer proxies than production does. */
const defaultProxies = environmentProfiles.prod.gatewayProxies;

/** Arguments of {@link EnvoyGateway}. */
export interface EnvoyGatewayArgs {
  /** The cluster program's `gatewayLoadBalancer`: the proxies' Service class and annotations. Default: none (the cloud's default controller). */
  readonly clusterLoadBalancer?: pulumi.Input<GatewayLoadBalancer>;
  /** Annotations on the proxies' LoadBalancer Service; each key wins over the cluster's. Default: none. */
  readonly serviceAnnotations?: Readonly<Record<string, string>>;
  /** `spec.loadBalancerClass` of the proxies' Service, instead of the cluster's. Default: the cluster's. */
  readonly loadBalancerClass?: string;
  /** The environment namespaces whose services the proxies forward to. */
  readonly environmentNamespaces: readonly string[];
  /** Where the API server is, for the controller's egress. */
  readonly apiServer: pulumi.Input<ApiServerEndpoints>;
  /** Fewest proxy replicas per Gateway. Default: prod's profile (2). */
  readonly minReplicas?: number;
  /** Most proxy replicas per Gateway. Default: prod's profile (6). */
  readonly maxReplicas?: number;
  /** Pod Security level enforced in `envoy-gateway-system`. Default: `restricted`. */
  readonly podSecurityLevel?: PodSecurityLevel;
  /** Pod Security Standards version the namespace labels pin. */
  readonly podSecurityVersion: string;
}

/**
 * Envoy Gateway, the Gateway API implementation at the edge: its namespace locked down
 * (envoy-gateway-network-policies.ts), the edge's PriorityClass, the Gateway API CRDs (standard
 * channel) and Envoy Gateway's CRDs from its CRD chart, the controller from its chart, an
 * EnvoyProxy saying how proxies run, and the GatewayClass environment Gateways name.
 *
 * @example
 * const edge = new EnvoyGateway('edge', { podSecurityVersion: 'v1.35', environmentNamespaces: ['slipway-dev'], apiServer }, { provider });
 */
export class EnvoyGateway extends pulumi.ComponentResource {
  /** The GatewayClass name for `spec.gatewayClassName`. */
  readonly className: pulumi.Output<string>;
  /** Where the controller, and with the default deploy mode every proxy, runs. */
  readonly namespace: pulumi.Output<string>;
  /** The CRD release: anything using a Gateway API kind depends on it. */
  readonly crds: k8s.helm.v3.Release;
  /** The GatewayClass: Gateways depend on it. */
  readonly gatewayClass: k8s.apiextensions.CustomResource;

  constructor(name: string, args: EnvoyGatewayArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('platform', 'EnvoyGateway'), name, {}, opts);
    const [namespace, ...policies] = createAddonNamespace(
      `${name}-namespace`,
      {
        namespace: envoyGatewayNamespace,
        podSecurityLevel: args.podSecurityLevel ?? 'restricted',
        podSecurityVersion: args.podSecurityVersion,
        network: envoyGatewayNetworkAccess(args.environmentNamespaces),
        apiServer: args.apiServer,
      },
      { parent: this },
    );
    const priorityClass = new k8s.scheduling.v1.PriorityClass(
      `${name}-priority`,
      {
        metadata: {
          name: edgePriorityClassName,
          labels: platformLabels(edgePriorityClassName, edgePriorityClassName, 'priority-class'),
        },
        ...edgePriorityClass(),
      },
      { parent: this },
    );
    this.crds = new k8s.helm.v3.Release(
      `${name}-crds`,
      {
        name: 'envoy-gateway-crds',
        namespace: namespace.metadata.name,
        ...helmChartArgs(envoyGatewayCrdsChart),
        values: envoyGatewayCrdsValues(),
      },
      // Never uninstalled: deleting a CRD deletes every object of its kind, so a platform destroy
      // would take each stack's HTTPRoutes with it. The chart cannot mark its CRDs
      // `helm.sh/resource-policy: keep`; docs/gateway.md says how to remove them on purpose.
      { parent: this, retainOnDelete: true },
    );
    const controller = new k8s.helm.v3.Release(
      name,
      {
        name: 'envoy-gateway',
        namespace: namespace.metadata.name,
        ...helmChartArgs(envoyGatewayChart),
        values: envoyGatewayValues({ priorityClassName: edgePriorityClassName }),
      },
      { parent: this, dependsOn: [this.crds, priorityClass, ...policies] },
    );

    const proxyName = `${productNames.name}-proxy`;
    const envoyProxy = new k8s.apiextensions.CustomResource(
      `${name}-proxy`,
      {
        apiVersion: 'gateway.envoyproxy.io/v1alpha1',
        kind: 'EnvoyProxy',
        metadata: {
          name: proxyName,
          namespace: envoyGatewayNamespace,
          labels: platformLabels(proxyName, envoyGatewayNamespace, 'gateway-proxy-config'),
        },
        spec: pulumi.output(args.clusterLoadBalancer).apply((cluster) =>
          envoyProxySpec({
            loadBalancer: proxyLoadBalancer(cluster, {
              ...(args.serviceAnnotations ? { serviceAnnotations: args.serviceAnnotations } : {}),
              ...(args.loadBalancerClass ? { loadBalancerClass: args.loadBalancerClass } : {}),
            }),
            priorityClassName: edgePriorityClassName,
            minReplicas: args.minReplicas ?? defaultProxies.minReplicas,
            maxReplicas: args.maxReplicas ?? defaultProxies.maxReplicas,
          }),
        ),
      },
      // The EnvoyProxy kind exists only once the CRD chart is in.
      { parent: this, dependsOn: [this.crds, controller] },
    );
    this.gatewayClass = new k8s.apiextensions.CustomResource(
      `${name}-class`,
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'GatewayClass',
        metadata: {
          name: envoyGatewayClassName,
          labels: platformLabels(envoyGatewayClassName, envoyGatewayClassName, 'gateway-class'),
        },
        spec: {
          controllerName: envoyGatewayControllerName,
          parametersRef: {
            group: 'gateway.envoyproxy.io',
            kind: 'EnvoyProxy',
            name: proxyName,
            namespace: envoyGatewayNamespace,
          },
        },
      },
      { parent: this, dependsOn: [this.crds, controller, envoyProxy] },
    );

    this.className = pulumi.output(envoyGatewayClassName);
    this.namespace = namespace.metadata.name;
    this.registerOutputs({ className: this.className, namespace: this.namespace });
  }
}
