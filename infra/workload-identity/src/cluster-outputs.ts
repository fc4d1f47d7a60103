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
 * The names of the outputs every cluster program exports, which the platform and services
 * programs read by these names.
 * @example stackReference.requireOutput(clusterOutputNames.workloadIdentity)
 */
export const clusterOutputNames = {
  kubeconfig: 'kubeconfig',
  clusterName: 'clusterName',
  workloadIdentity: 'workloadIdentity',
  gatewayLoadBalancer: 'gatewayLoadBalancer',
} as const;
