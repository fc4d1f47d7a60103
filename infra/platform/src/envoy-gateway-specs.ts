import type { GatewayLoadBalancer } from '@slipway/infra-workload-identity';
import {
  nonRootId,
  restrictedContainerSecurityContext,
  restrictedPodSecurityContext,
  zoneSpread,
} from './restricted-security.ts';
/** Envoy Gateway's controller name, which its GatewayClass must name. */
export const envoyGatewayControllerName = 'gateway.envoyproxy.io/gatewayclass-controller';
/** The controller's namespace; with the default deploy mode the proxies run here too. */
export const envoyGatewayNamespace = 'envoy-gateway-system';
/** The GatewayClass the platform creates for Envoy Gateway. */
export const envoyGatewayClassName = 'envoy-gateway';

// Envoy Gateway's charts also want the uid, gid and privilege spelled out at container level.
const restrictedPod = restrictedPodSecurityContext;
const restrictedContainer = {
  ...restrictedContainerSecurityContext,
  privileged: false,
  runAsNonRoot: true,
  runAsUser: nonRootId,
  runAsGroup: nonRootId,
  seccompProfile: { type: 'RuntimeDefault' },
} as const;

/**
 * Values of Envoy Gateway's CRD chart: the Gateway API CRDs of the standard channel only (the
 * controller chart would install the experimental ones) and Envoy Gateway's own CRDs.
 *
 * @example
 * envoyGatewayCrdsValues(); // { crds: { gatewayAPI: { enabled: true, channel: 'standard' }, ... } }
 */
export function envoyGatewayCrdsValues(): Record<string, unknown> {
  return {
    crds: {
      gatewayAPI: { enabled: true, channel: 'standard' },
      envoyGateway: { enabled: true },
    },
  };
}

/**
 * Values of the Envoy Gateway controller chart: CRDs left to the CRD chart, two replicas spread
 * across zones with a PDB, the edge's PriorityClass, and the restricted Pod Security profile stated explicitly for the
 * controller and the certgen job (the chart's defaults already match; stating them keeps a
 * chart bump from loosening them silently).
 *
 * @example
 * envoyGatewayValues({ priorityClassName: 'slipway-edge' });
 */
export function envoyGatewayValues({
  priorityClassName,
}: {
  readonly priorityClassName: string;
}): Record<string, unknown> {
  const controllerLabels = { 'control-plane': 'envoy-gateway' };
  return {
    crds: { enabled: false },
    deployment: {
      replicas: 2,
      priorityClassName,
      envoyGateway: {
        securityContext: restrictedContainer,
        resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '1024Mi' } },
      },
      pod: {
        securityContext: restrictedPod,
        topologySpreadConstraints: [zoneSpread(controllerLabels)],
      },
    },
    podDisruptionBudget: { minAvailable: 1 },
    certgen: {
      job: {
        pod: { securityContext: restrictedPod },
        securityContext: restrictedContainer,
      },
    },
  };
}

/** What {@link envoyProxySpec} needs. */
export interface EnvoyProxySpecArgs {
  /** The proxies' LoadBalancer Service: its class and annotations (gateway-load-balancer.ts). */
  readonly loadBalancer: GatewayLoadBalancer;
  /** The PriorityClass of the proxy pods. */
  readonly priorityClassName: string;
  /** Fewest proxy replicas per Gateway. */
  readonly minReplicas: number;
  /** Most proxy replicas per Gateway. */
  readonly maxReplicas: number;
}

/**
 * The EnvoyProxy the GatewayClass points at: how Envoy Gateway runs every Gateway's proxies.
 * An autoscaled Deployment with a PDB and the edge's PriorityClass, spread across zones per
 * Gateway, behind a LoadBalancer Service of the cluster's class that keeps the client's source IP. Envoy Gateway itself forces the restricted
 * security context on the proxy containers, except `readOnlyRootFilesystem` (Envoy writes
 * its admin socket and logs; docs/gateway.md).
 *
 * @example
 * envoyProxySpec({ loadBalancer: { annotations: {} }, priorityClassName: 'slipway-edge', minReplicas: 2, maxReplicas: 6 });
 */
export function envoyProxySpec(args: EnvoyProxySpecArgs): Record<string, unknown> {
  return {
    provider: {
      type: 'Kubernetes',
      kubernetes: {
        envoyDeployment: {
          pod: {
            priorityClassName: args.priorityClassName,
            securityContext: restrictedPod,
            topologySpreadConstraints: [
              zoneSpread(
                { 'app.kubernetes.io/name': 'envoy', 'app.kubernetes.io/component': 'proxy' },
                // One EnvoyProxy serves every Gateway: spread each Gateway's own pods.
                [
                  'gateway.envoyproxy.io/owning-gateway-name',
                  'gateway.envoyproxy.io/owning-gateway-namespace',
                ],
              ),
            ],
          },
          container: {
            resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '1Gi' } },
          },
        },
        envoyHpa: {
          minReplicas: args.minReplicas,
          maxReplicas: args.maxReplicas,
          metrics: [
            {
              type: 'Resource',
              resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
            },
          ],
        },
        envoyPDB: { minAvailable: 1 },
        envoyService: {
          type: 'LoadBalancer',
          // Local keeps the client's source IP and skips a second hop.
          externalTrafficPolicy: 'Local',
          ...(args.loadBalancer.loadBalancerClass
            ? { loadBalancerClass: args.loadBalancer.loadBalancerClass }
            : {}),
          annotations: { ...args.loadBalancer.annotations },
        },
      },
    },
  };
}
