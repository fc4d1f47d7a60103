import type { KubeClient, KubeObject } from '../kube/kube-client.ts';
import { objectPath } from '../kube/workloads.ts';

/** The proxies' Service, as far as its node port is read. */
export interface ServiceObject extends KubeObject {
  readonly spec: {
    readonly type?: string;
    readonly externalTrafficPolicy?: string;
    readonly ports?: readonly { readonly port: number; readonly nodePort?: number }[];
  };
}

/** One EndpointSlice of that Service. */
export interface EndpointSliceObject extends KubeObject {
  readonly endpoints?: readonly {
    readonly nodeName?: string;
    readonly conditions?: { readonly ready?: boolean };
  }[];
}

/** A node, as far as its address is read. */
export interface NodeObject extends KubeObject {
  readonly status?: { readonly addresses?: readonly { type: string; address: string }[] };
}

/**
 * Where the gateway's Service answers from outside the cluster: `https://<node IP>:<nodePort>`
 * of its HTTPS port. kind has no load balancer, but a LoadBalancer Service still gets a node
 * port, and the runner reaches the nodes on the kind Docker network. With
 * `externalTrafficPolicy: Local` (the platform's, to keep client IPs) a node only answers with
 * its own proxies, so the node picked is one with a ready proxy endpoint. Traffic then goes
 * through kube-proxy and the Service like a load balancer's would, never to one pod directly.
 * @throws Error naming what is missing: the port, a node port, a ready proxy, a node address.
 * @example serviceNodePortUrl(service, slices, nodes) // 'https://10.0.20.3:31443'
 */
export function serviceNodePortUrl(
  service: ServiceObject,
  slices: readonly EndpointSliceObject[],
  nodes: readonly NodeObject[],
  port = 443,
): string {
  const name = `Service ${service.metadata.namespace}/${service.metadata.name}`;
  const servicePort = service.spec.ports?.find((p) => p.port === port);
  if (!servicePort) throw new Error(`${name} has no port ${port}`);
  if (!servicePort.nodePort)
    throw new Error(
      `${name} port ${port} has no node port (type ${service.spec.type ?? 'ClusterIP'}): the EnvoyProxy must keep a LoadBalancer or NodePort Service`,
    );
  const readyNodes = slices
    .flatMap((s) => s.endpoints ?? [])
    .filter((e) => e.conditions?.ready !== false && e.nodeName)
    .map((e) => e.nodeName);
  const node = nodes.find((n) => readyNodes.includes(n.metadata.name));
  if (!node) throw new Error(`${name} has no ready proxy endpoint on any node`);
  const address = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  if (!address) throw new Error(`node ${node.metadata.name} has no InternalIP`);
  const host = address.includes(':') ? `[${address}]` : address;
  return `https://${host}:${servicePort.nodePort}`;
}

/**
 * {@link serviceNodePortUrl} of a live Service: reads it, its EndpointSlices and the nodes.
 * @example const url = await gatewayServiceUrl(kube, 'envoy-gateway-system', 'envoy-slipway-e2e-public-1a2b3c');
 */
export async function gatewayServiceUrl(
  kube: KubeClient,
  namespace: string,
  service: string,
): Promise<string> {
  const live = await kube.get<ServiceObject>(objectPath('v1', namespace, 'services', service));
  if (!live) throw new Error(`no Service ${namespace}/${service}`);
  const selector = encodeURIComponent(`kubernetes.io/service-name=${service}`);
  const slices = await kube.list<EndpointSliceObject>(
    `${objectPath('discovery.k8s.io/v1', namespace, 'endpointslices')}?labelSelector=${selector}`,
  );
  const nodes = await kube.list<NodeObject>('/api/v1/nodes');
  return serviceNodePortUrl(live, slices, nodes);
}
