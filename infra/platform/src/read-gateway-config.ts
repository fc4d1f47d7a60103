import type { EnvironmentProfile } from '@slipway/service-manifest';
import type { GatewayArgs, PlatformArgs } from './platform.ts';
import { fail } from './stack-config-error.ts';

/** The `gateway` section of the stack config. */
export interface GatewayConfig {
  readonly enabled?: boolean;
  readonly domains?: Readonly<Record<string, string>>;
  readonly gatewayName?: string;
  readonly envoyGateway?: {
    readonly enabled?: boolean;
    readonly serviceAnnotations?: Record<string, string>;
    readonly loadBalancerClass?: string;
    readonly minReplicas?: number;
    readonly maxReplicas?: number;
  };
  readonly className?: string;
  readonly dataPlane?: {
    readonly namespace?: string;
    readonly podLabels?: Record<string, string>;
  };
}

const domainName = /^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

type ProxyReplicas = EnvironmentProfile['gatewayProxies'];

function readController(section: GatewayConfig, proxies: ProxyReplicas): GatewayArgs['controller'] {
  const envoy = section.envoyGateway ?? {};
  if (envoy.enabled !== false) {
    if (section.className) {
      fail(
        'gateway.className',
        'is only for a cloud controller (set gateway.envoyGateway.enabled: false)',
      );
    }
    return {
      kind: 'envoy-gateway',
      ...(envoy.serviceAnnotations ? { serviceAnnotations: envoy.serviceAnnotations } : {}),
      ...(envoy.loadBalancerClass ? { loadBalancerClass: envoy.loadBalancerClass } : {}),
      minReplicas: envoy.minReplicas || proxies.minReplicas,
      maxReplicas: envoy.maxReplicas || proxies.maxReplicas,
    };
  }
  if (!section.className) {
    fail(
      'gateway.className',
      "is required without Envoy Gateway: the GatewayClass of the cluster's own controller, e.g. gke-l7-global-external-managed",
    );
  }
  const { namespace, podLabels = {} } = section.dataPlane ?? {};
  if (!namespace || Object.keys(podLabels).length === 0) {
    fail(
      'gateway.dataPlane',
      "needs namespace and podLabels without Envoy Gateway: where the controller's proxy pods run, so services admit only them",
    );
  }
  return { kind: 'external', className: section.className, dataPlane: { namespace, podLabels } };
}

/**
 * The gateway part of the platform, or undefined when `enabled: false`: a domain for every
 * environment namespace, and Envoy Gateway unless `envoyGateway.enabled` is false, its proxies'
 * replicas defaulting to the environment profile's `proxies`.
 *
 * @example
 * readGatewayConfig({ domains: { 'slipway-dev': 'dev.example.com' } }, ['slipway-dev'], environmentProfiles.dev.gatewayProxies);
 */
export function readGatewayConfig(
  section: GatewayConfig,
  namespaces: readonly string[],
  proxies: ProxyReplicas,
): PlatformArgs['gateway'] {
  if (section.enabled === false) return undefined;
  const domains = section.domains ?? {};
  for (const namespace of namespaces) {
    const domain = domains[namespace];
    if (!domain) {
      fail(
        `gateway.domains.${namespace}`,
        `is required: the public domain of ${namespace}, whose Gateway answers *.<domain> (or set gateway.enabled: false)`,
      );
    }
    if (!domainName.test(domain)) {
      fail(`gateway.domains.${namespace}`, `'${domain}' is not a DNS domain name`);
    }
  }
  return {
    domains,
    ...(section.gatewayName ? { gatewayName: section.gatewayName } : {}),
    controller: readController(section, proxies),
  };
}
