import * as aws from '@pulumi/aws';
import * as eks from '@pulumi/eks';
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { requireZoneRedundancy } from '@slipway/infra-cluster-shared';
import type {
  DataNetwork,
  GatewayLoadBalancer,
  WorkloadIdentity,
} from '@slipway/infra-workload-identity';
import { componentType } from '@slipway/platform-contract';
import { grantEksAdmins } from './admin-access.ts';
import { enableAutoModeNetworkPolicy } from './auto-mode-network-policy.ts';
import { createDefaultStorageClass } from './default-storage-class.ts';
import { EksNetwork } from './eks-network.ts';
import { gatewayLoadBalancer } from './gateway-load-balancer.ts';
import { provisionKarpenterCompute } from './karpenter-compute.ts';
import { installMetricsServer } from './metrics-server.ts';
import { type NodeSettings, nodeDefaults } from './node-provisioning.ts';
import { defaultKubernetesVersion } from './versions.ts';

/** Arguments of {@link EksCluster}. */
export interface EksClusterArgs {
  /** Name of the EKS cluster; subnet discovery tags and Karpenter's scoping use it. */
  readonly clusterName: string;
  /** AWS region the cluster runs in (the `aws:region` of the stack). */
  readonly region: string;
  /** Availability zones for subnets and nodes; at least three. */
  readonly availabilityZones: readonly string[];
  /** Kubernetes minor version. Default: {@link defaultKubernetesVersion}. */
  readonly kubernetesVersion?: string;
  /** Who provisions nodes, and Karpenter's limits and system nodes. Default: EKS Auto Mode. */
  readonly nodes?: NodeSettings;
  /** IAM roles given cluster admin by access entries. Default: none. */
  readonly adminRoleArns?: readonly string[];
  /** CIDRs allowed to reach the public API endpoint. Default: `['0.0.0.0/0']` (the API still requires IAM auth). */
  readonly apiAllowedCidrs?: readonly string[];
}

/**
 * A managed EKS cluster spread over at least three availability zones with private nodes, access
 * by EKS access entries (no aws-auth ConfigMap), NetworkPolicy enforcement, metrics-server, and
 * nodes from EKS Auto Mode (default) or from Karpenter (see {@link provisionKarpenterCompute}).
 * Add-ons get AWS permissions by EKS Pod Identity; no IAM OIDC provider is created.
 *
 * `eks.Cluster` and `eks.ManagedNodeGroup` are multi-language components: the `eks` provider
 * plugin builds their children at deploy time, so unit tests under mocks see (and assert) the
 * components' inputs rather than their children.
 *
 * @example
 * const cluster = new EksCluster('slipway', {
 *   clusterName: 'slipway-dev',
 *   region: 'eu-west-1',
 *   availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
 * });
 * export const kubeconfig = cluster.kubeconfig;
 */
export class EksCluster extends pulumi.ComponentResource {
  /** The cluster's kubeconfig (uses `aws eks get-token`), kept secret in state and outputs. */
  readonly kubeconfig: pulumi.Output<string>;
  /** The EKS cluster name. */
  readonly clusterName: pulumi.Output<string>;
  /** The VPC the cluster runs in. */
  readonly vpcId: pulumi.Output<string>;
  /** How the platform and services programs give pods AWS identities: EKS Pod Identity on this cluster. */
  readonly workloadIdentity: pulumi.Output<WorkloadIdentity>;
  /** The load balancer class and annotations the edge proxies' Service asks for. */
  readonly gatewayLoadBalancer: pulumi.Output<GatewayLoadBalancer>;
  /** Where the services program puts its databases and caches: the data subnets, and whom they admit. */
  readonly dataNetwork: pulumi.Output<Extract<DataNetwork, { cloud: 'aws' }>>;

  constructor(name: string, args: EksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('aws', 'EksCluster'), name, {}, opts);
    requireZoneRedundancy('availabilityZones', args.availabilityZones);
    const nodes = args.nodes ?? { provisioning: nodeDefaults.provisioning };
    const parent = { parent: this };

    const network = new EksNetwork(
      `${name}-network`,
      { availabilityZones: args.availabilityZones, clusterName: args.clusterName },
      parent,
    );

    const cluster = new eks.Cluster(
      `${name}-eks`,
      {
        name: args.clusterName,
        version: args.kubernetesVersion ?? defaultKubernetesVersion,
        vpcId: network.vpcId,
        // Only private subnets: nodes never land in a public one. Load balancers find the public
        // subnets by their `kubernetes.io/role/elb` tag.
        privateSubnetIds: network.privateSubnetIds,
        skipDefaultNodeGroup: true,
        // Control plane and nodes share the security group EKS creates for the cluster.
        skipDefaultSecurityGroups: true,
        // Access entries only. @pulumi/eks also sets bootstrapClusterCreatorAdminPermissions: true
        // (it takes no argument for it): the identity running `pulumi up` is admin, which this
        // program needs to install its charts. Why we keep it: docs/clusters/eks.md.
        authenticationMode: eks.AuthenticationMode.Api,
        // Add-ons get roles by EKS Pod Identity, so no IAM OIDC provider (IRSA) is needed.
        createOidcProvider: false,
        endpointPrivateAccess: true,
        endpointPublicAccess: true,
        publicAccessCidrs: [...(args.apiAllowedCidrs ?? ['0.0.0.0/0'])],
        enabledClusterLogTypes: ['api', 'audit', 'authenticator'],
        ...(nodes.provisioning === 'auto-mode'
          ? {
              autoMode: {
                enabled: true,
                createNodeRole: true,
                computeConfig: { nodePools: ['general-purpose', 'system'] },
              },
            }
          : {
              // The default CNI setup ignores NetworkPolicy objects; Slipway's default-deny
              // policies only protect anything when this is on.
              useDefaultVpcCni: false,
              vpcCniOptions: { enableNetworkPolicy: true },
            }),
      },
      parent,
    );

    const partition = aws.getPartitionOutput({}, parent).partition;
    grantEksAdmins(
      `${name}-admin`,
      { clusterName: args.clusterName, roleArns: args.adminRoleArns ?? [], partition },
      { parent: this, dependsOn: [cluster] },
    );

    const provider = new k8s.Provider(
      `${name}-k8s`,
      { kubeconfig: cluster.kubeconfigJson, enableServerSideApply: true },
      parent,
    );
    const nodesReady: pulumi.Resource[] = [cluster];
    if (nodes.provisioning === 'auto-mode') {
      enableAutoModeNetworkPolicy(`${name}-network-policy`, {
        parent: this,
        provider,
        dependsOn: [cluster],
      });
    } else {
      const systemNodes = provisionKarpenterCompute(
        name,
        {
          cluster,
          clusterName: args.clusterName,
          region: args.region,
          partition,
          accountId: aws.getCallerIdentityOutput({}, parent).accountId,
          vpcId: network.vpcId,
          privateSubnetIds: network.privateSubnetIds,
          limits: nodes.limits,
          systemNodes: nodes.systemNodes,
        },
        parent,
        provider,
      );
      nodesReady.push(systemNodes);
    }
    installMetricsServer(`${name}-metrics-server`, {
      parent: this,
      provider,
      dependsOn: nodesReady,
    });
    createDefaultStorageClass(`${name}-gp3`, nodes.provisioning, {
      parent: this,
      provider,
      dependsOn: [cluster],
    });

    this.kubeconfig = pulumi.secret(cluster.kubeconfigJson);
    this.clusterName = pulumi.output(args.clusterName);
    this.vpcId = network.vpcId;
    this.workloadIdentity = pulumi.output<WorkloadIdentity>({
      cloud: 'aws',
      clusterName: args.clusterName,
      region: args.region,
    });
    this.gatewayLoadBalancer = pulumi.output(gatewayLoadBalancer(nodes.provisioning));
    this.dataNetwork = pulumi
      .all([network.vpcId, pulumi.all(network.dataSubnetIds)])
      .apply(([vpcId, subnetIds]) => ({
        cloud: 'aws' as const,
        region: args.region,
        vpcId,
        subnetIds,
        subnetCidrs: network.dataSubnetCidrs,
        clientCidrs: network.privateSubnetCidrs,
      }));
    this.registerOutputs({
      kubeconfig: this.kubeconfig,
      clusterName: this.clusterName,
      vpcId: this.vpcId,
      workloadIdentity: this.workloadIdentity,
      gatewayLoadBalancer: this.gatewayLoadBalancer,
      dataNetwork: this.dataNetwork,
    });
  }
}
