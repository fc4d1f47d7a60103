import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '@slipway/platform-contract';
import {
  clientTrafficPolicySpec,
  gatewaySpec,
  httpsListenerName,
  httpsRedirectRouteSpec,
} from './gateway-specs.ts';
import { platformLabels } from './platform-labels.ts';
import type { GatewayParentRef } from './platform-outputs.ts';

/** Arguments of {@link EnvironmentGateway}. */
export interface EnvironmentGatewayArgs {
  /** The environment namespace the Gateway and its routes live in. */
  readonly namespace: string;
  /** The Gateway's name. */
  readonly gatewayName: string;
  /** The GatewayClass. */
  readonly className: string;
  /** The environment's public domain; HTTPS answers `*.<domain>`. */
  readonly domain: string;
  /** cert-manager's ClusterIssuer that issues the listener's certificate. Default: none (provide the Secret yourself). */
  readonly clusterIssuer?: string;
  /**
   * Whether Envoy Gateway runs the Gateway: then a ClientTrafficPolicy sets the HTTPS listener's
   * TLS minimum, HSTS and client timeouts (a cloud's controller knows no such kind). Default: false.
   */
  readonly envoyGateway?: boolean;
  /** What the Gateway waits for: its namespace, GatewayClass and issuer. Default: none. */
  readonly installAfter?: readonly pulumi.Resource[];
}

/**
 * The public entry of one environment: a Gateway (HTTPS `*.<domain>` terminated with a
 * certificate cert-manager issues through its Gateway API support, plus HTTP), an HTTPRoute
 * redirecting all HTTP to HTTPS with a 301 and, with Envoy Gateway, the HTTPS listener's
 * ClientTrafficPolicy (TLS 1.2 at least, HSTS, client timeouts).
 *
 * @example
 * new EnvironmentGateway('slipway-dev-gateway', { namespace: 'slipway-dev', gatewayName: 'public', className: 'envoy-gateway', domain: 'dev.example.com', clusterIssuer: 'letsencrypt' }, { parent });
 */
export class EnvironmentGateway extends pulumi.ComponentResource {
  /** What a service's HTTPRoute puts in `spec.parentRefs`. */
  readonly parentRef: pulumi.Output<GatewayParentRef>;

  constructor(name: string, args: EnvironmentGatewayArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('platform', 'EnvironmentGateway'), name, {}, opts);
    const certificateSecretName = `${args.gatewayName}-tls`;
    const gateway = new k8s.apiextensions.CustomResource(
      name,
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: {
          name: args.gatewayName,
          namespace: args.namespace,
          labels: platformLabels(args.gatewayName, args.namespace, 'gateway'),
          // cert-manager's gateway-shim creates the listener's Certificate from this annotation.
          ...(args.clusterIssuer
            ? { annotations: { 'cert-manager.io/cluster-issuer': args.clusterIssuer } }
            : {}),
        },
        spec: gatewaySpec({
          className: args.className,
          domain: args.domain,
          certificateSecretName,
        }),
      },
      { parent: this, dependsOn: [...(args.installAfter ?? [])] },
    );
    const routeName = `${args.gatewayName}-https-redirect`;
    new k8s.apiextensions.CustomResource(
      `${name}-https-redirect`,
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: {
          name: routeName,
          namespace: args.namespace,
          labels: platformLabels(routeName, args.namespace, 'http-route'),
        },
        spec: httpsRedirectRouteSpec(args.gatewayName),
      },
      { parent: this, dependsOn: [gateway] },
    );
    if (args.envoyGateway) {
      const policyName = `${args.gatewayName}-${httpsListenerName}`;
      new k8s.apiextensions.CustomResource(
        `${name}-client-traffic-policy`,
        {
          apiVersion: 'gateway.envoyproxy.io/v1alpha1',
          kind: 'ClientTrafficPolicy',
          metadata: {
            name: policyName,
            namespace: args.namespace,
            labels: platformLabels(policyName, args.namespace, 'client-traffic-policy'),
          },
          spec: clientTrafficPolicySpec(args.gatewayName),
        },
        { parent: this, dependsOn: [gateway] },
      );
    }

    this.parentRef = pulumi.output({
      name: args.gatewayName,
      namespace: args.namespace,
      sectionName: httpsListenerName,
    });
    this.registerOutputs({ parentRef: this.parentRef });
  }
}
