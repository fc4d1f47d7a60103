/**
 * How pods get a cloud identity on the cluster's cloud, as the cluster program exports it
 * (`workloadIdentity` output). The platform (add-ons) and services programs read it through a
 * StackReference and create each ServiceAccount's identity on that cloud; no role ARN or client id
 * passes through a person's hands.
 */
export type WorkloadIdentity =
  /** EKS Pod Identity: an IAM role per ServiceAccount, bound by a pod identity association. */
  | { readonly cloud: 'aws'; readonly clusterName: string; readonly region: string }
  /** GKE Workload Identity Federation: IAM grants name the Kubernetes ServiceAccount directly. */
  | {
      readonly cloud: 'gcp';
      readonly project: string;
      readonly projectNumber: string;
      readonly workloadPool: string;
    }
  /** Azure workload identity: a user-assigned identity federated with the cluster's OIDC issuer. */
  | {
      readonly cloud: 'azure';
      readonly oidcIssuerUrl: string;
      readonly resourceGroupName: string;
      readonly location: string;
    };

/**
 * The load balancer the edge proxies' Service asks for, in the terms of the controller the
 * cluster runs (EKS Auto Mode's `eks.amazonaws.com/nlb`, the AWS Load Balancer Controller's
 * `service.k8s.aws/nlb`...), with the scheme stated rather than left to a default.
 */
export interface GatewayLoadBalancer {
  /** `spec.loadBalancerClass` of the proxies' Service; absent means the cloud's default controller. */
  readonly loadBalancerClass?: string;
  /** Annotations of the proxies' Service (scheme, target type...). */
  readonly annotations: Readonly<Record<string, string>>;
}

/**
 * Where the cloud's managed data services (PostgreSQL, cache) of the cluster's services go: the
 * private network ranges the cluster program sets aside for them in the cluster's own network, as
 * the cluster program exports it (`dataNetwork` output). The services program provisions each
 * declared data service there, with no public endpoint, and derives each service's egress rule
 * from these ranges: no CIDR passes through a person's hands.
 */
export type DataNetwork =
  /** AWS: private subnets (one per zone) for RDS and ElastiCache subnet groups, in the cluster's VPC. */
  | {
      readonly cloud: 'aws';
      readonly region: string;
      readonly vpcId: string;
      /** The data subnets' ids, one per zone. */
      readonly subnetIds: readonly string[];
      /** The data subnets' CIDRs, in the order of `subnetIds`: where the servers' addresses are. */
      readonly subnetCidrs: readonly string[];
      /** Where the pods' connections come from (the nodes' and pods' subnets): the security groups admit these only. */
      readonly clientCidrs: readonly string[];
    }
  /**
   * Google Cloud: a range reserved for private services access (a peering with Google's service
   * producer network), which Cloud SQL and Memorystore take their private addresses from.
   */
  | {
      readonly cloud: 'gcp';
      readonly project: string;
      readonly region: string;
      /** The VPC network's id (`projects/<p>/global/networks/<n>`). */
      readonly network: string;
      /** The reserved range's name, as Cloud SQL's `allocatedIpRange` and Memorystore's `reservedIpRange` take it. */
      readonly privateServiceRangeName: string;
      /** The reserved range's CIDR: where the servers' addresses are. */
      readonly privateServiceRange: string;
    }
  /**
   * Azure: a subnet delegated to PostgreSQL flexible servers with its private DNS zone, and a
   * subnet for private endpoints (the cache's) with the cache's private DNS zone, in the cluster's
   * virtual network.
   */
  | {
      readonly cloud: 'azure';
      readonly resourceGroupName: string;
      readonly location: string;
      readonly postgresSubnetId: string;
      readonly postgresSubnetCidr: string;
      /** The `privatelink.postgres.database.azure.com` zone linked to the virtual network. */
      readonly postgresDnsZoneId: string;
      readonly privateEndpointSubnetId: string;
      readonly privateEndpointSubnetCidr: string;
      /** The `privatelink.redis.azure.net` zone linked to the virtual network (Azure Managed Redis). */
      readonly cacheDnsZoneId: string;
    };

/**
 * The names of the outputs every cluster program exports, which the platform and services
 * programs read by these names.
 * @example stackReference.requireOutput(clusterOutputNames.workloadIdentity)
 */
export const clusterOutputNames = {
  kubeconfig: 'kubeconfig',
  clusterName: 'clusterName',
  workloadIdentity: 'workloadIdentity',
  gatewayLoadBalancer: 'gatewayLoadBalancer',
  dataNetwork: 'dataNetwork',
} as const;
