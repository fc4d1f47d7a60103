import { describe, expect, it } from 'vitest';
import { programRunner, type RecordedResource } from '@slipway/infra-testing';
import { clusterOutputNames, type GatewayLoadBalancer } from '@slipway/infra-workload-identity';
import { workloadIdentities } from '@slipway/infra-workload-identity/testing';
import { envoyProxyType, networkPolicyType } from './deploy-platform.ts';

const eksAutoMode: GatewayLoadBalancer = {
  loadBalancerClass: 'eks.amazonaws.com/nlb',
  annotations: {
    'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
    'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
  },
};
/** The `default/kubernetes` EndpointSlice of an EKS control plane: two network interfaces. */
const apiServerSlice = {
  endpoints: [{ addresses: ['10.0.12.7'] }, { addresses: ['10.0.44.9'] }],
  ports: [{ name: 'https', port: 443, protocol: 'TCP' }],
};

const runProgram = programRunner(
  {
    project: 'slipway-platform',
    config: {
      clusterStack: 'acme/slipway-cluster-eks/dev',
      gateway: { domains: { 'slipway-dev': 'dev.example.com' } },
      certManager: { enabled: false },
      backups: { enabled: false },
    },
    outputsOf: (resource) => {
      if (resource.type === 'pulumi:pulumi:StackReference') {
        return {
          outputs: {
            [clusterOutputNames.kubeconfig]: 'apiVersion: v1\nkind: Config\n',
            [clusterOutputNames.gatewayLoadBalancer]: eksAutoMode,
            [clusterOutputNames.workloadIdentity]: workloadIdentities.aws,
          },
          secretOutputNames: [clusterOutputNames.kubeconfig],
        };
      }
      return resource.type === 'kubernetes:discovery.k8s.io/v1:EndpointSlice'
        ? apiServerSlice
        : undefined;
    },
  },
  () => import('../src/index.ts'),
);

const envoyServiceOf = (resources: RecordedResource[]) => {
  const proxy = resources.find((r) => r.type === envoyProxyType);
  const spec = proxy?.inputs.spec as {
    provider: { kubernetes: { envoyService: { loadBalancerClass?: string; annotations: object } } };
  };
  return spec.provider.kubernetes.envoyService;
};

describe('the platform program with a cluster stack', () => {
  it("reads the API server's addresses and port from the default/kubernetes EndpointSlice", async () => {
    const { resources } = await runProgram();
    const read = resources.filter((r) => r.type === 'kubernetes:discovery.k8s.io/v1:EndpointSlice');
    expect(read).toHaveLength(1);
    const toApiServer = resources.find(
      (r) =>
        r.type === networkPolicyType &&
        (r.inputs.metadata as { name: string }).name === 'envoy-gateway-to-api-server',
    );
    expect(toApiServer?.inputs.spec).toMatchObject({
      egress: [
        {
          to: [{ ipBlock: { cidr: '10.0.12.7/32' } }, { ipBlock: { cidr: '10.0.44.9/32' } }],
          ports: [{ port: 443, protocol: 'TCP' }],
        },
      ],
    });
  });

  it('reads no EndpointSlice when no add-on is on (a control plane without one still deploys)', async () => {
    const { resources } = await runProgram({
      gateway: { enabled: false },
      monitoring: { enabled: false },
      // The image policy needs no webhook, so nothing to reach; the verifier does.
      admission: { signatures: false },
    });
    expect(
      resources.filter((r) => r.type === 'kubernetes:discovery.k8s.io/v1:EndpointSlice'),
    ).toEqual([]);
  });

  it("gives the proxies' Service the cluster's load balancer class and annotations", async () => {
    const { resources } = await runProgram();
    expect(envoyServiceOf(resources)).toMatchObject(eksAutoMode);
  });

  it("lets the stack's serviceAnnotations win per key and its loadBalancerClass win over the cluster's", async () => {
    const { resources } = await runProgram({
      gateway: {
        domains: { 'slipway-dev': 'dev.example.com' },
        envoyGateway: {
          loadBalancerClass: 'service.k8s.aws/nlb',
          serviceAnnotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' },
        },
      },
    });
    expect(envoyServiceOf(resources)).toMatchObject({
      loadBalancerClass: 'service.k8s.aws/nlb',
      annotations: {
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
      },
    });
  });
});
