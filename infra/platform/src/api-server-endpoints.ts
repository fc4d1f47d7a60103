import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';

/**
 * Where pods reach the Kubernetes API server, after the `kubernetes` Service's address is
 * translated: the addresses and port of its endpoints. NetworkPolicies see that translated
 * destination, and no pod selector names the API server (it runs outside the cluster's pods on
 * EKS, GKE and AKS), so an egress rule names these addresses.
 */
export interface ApiServerEndpoints {
  /** IPv4 or IPv6 addresses, e.g. the EKS control plane's network interfaces. */
  readonly addresses: readonly string[];
  /** The endpoints' port: 443 on EKS, GKE and AKS, 6443 on kubeadm-style clusters. */
  readonly port: number;
}

/** The parts of an EndpointSlice {@link apiServerEndpointsOf} reads. */
interface EndpointSliceLike {
  readonly endpoints?: readonly { readonly addresses?: readonly string[] }[];
  readonly ports?: readonly { readonly name?: string; readonly port?: number }[];
}

/**
 * The API server's endpoints from the `default/kubernetes` EndpointSlice the API server itself
 * keeps.
 * @throws Error when the slice lists no address or no port: a policy with none would cut every
 * add-on off the API server.
 * @example apiServerEndpointsOf({ endpoints: [{ addresses: ['10.0.0.5'] }], ports: [{ name: 'https', port: 443 }] })
 */
export function apiServerEndpointsOf(slice: EndpointSliceLike): ApiServerEndpoints {
  const addresses = [...new Set((slice.endpoints ?? []).flatMap((e) => e.addresses ?? []))].sort();
  const port = (slice.ports ?? []).find((p) => p.name === 'https')?.port ?? slice.ports?.[0]?.port;
  if (addresses.length === 0 || port === undefined) {
    throw new Error(
      'the default/kubernetes EndpointSlice lists no API server address or port; the add-on namespaces cannot allow the API server without one',
    );
  }
  return { addresses, port };
}

/**
 * Reads the API server's endpoints from the cluster at deploy time (every `pulumi up` reads
 * them again), so the add-ons' egress names the API server exactly.
 *
 * @example
 * const apiServer = readApiServerEndpoints('kubernetes-api', provider);
 */
export function readApiServerEndpoints(
  name: string,
  provider: k8s.Provider,
): pulumi.Output<ApiServerEndpoints> {
  const slice = k8s.discovery.v1.EndpointSlice.get(name, 'default/kubernetes', { provider });
  return slice.endpoints.apply((endpoints) =>
    slice.ports.apply((ports) => apiServerEndpointsOf({ endpoints, ports })),
  );
}

/**
 * The egress peers and port of the API server: one `/32` (IPv6: `/128`) ipBlock per address.
 *
 * @example
 * apiServerEgressRule({ addresses: ['10.0.0.5'], port: 443 });
 */
export function apiServerEgressRule(endpoints: ApiServerEndpoints) {
  return {
    to: endpoints.addresses.map((address) => ({
      ipBlock: { cidr: `${address}/${address.includes(':') ? 128 : 32}` },
    })),
    ports: [{ port: endpoints.port, protocol: 'TCP' }],
  };
}
