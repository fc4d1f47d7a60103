import type { Cloud, clouds } from '@slipway/platform-contract';

/** The clouds the cloud-login action logs in to: every one whose `ciLogin` is not `none`. */
export type LoginCloud = {
  [C in Cloud]: (typeof clouds)[C]['ciLogin'] extends 'none' ? never : C;
}[Cloud];

/** How the cloud-login action logs in to one cloud. */
export interface CloudLoginStep {
  /** The action its step uses, without the pinned version. */
  readonly uses: string;
  /** Each input of the action this login reads, and the environment variable a workflow passes it. */
  readonly inputs: Readonly<Record<string, string>>;
}

/**
 * What `.github/actions/cloud-login` must hold for each cloud, as the workflow tests check it.
 * The workflows cannot import the contract, so this table stands in for them: keyed by the
 * contract's clouds, a cloud added there does not compile here until its login is written down.
 */
export const cloudLoginSteps: Readonly<Record<LoginCloud, CloudLoginStep>> = {
  aws: {
    uses: 'aws-actions/configure-aws-credentials',
    inputs: { 'aws-role-arn': 'AWS_ROLE_ARN', 'aws-region': 'AWS_REGION' },
  },
  gcp: {
    uses: 'google-github-actions/auth',
    inputs: {
      'gcp-workload-identity-provider': 'GCP_WORKLOAD_IDENTITY_PROVIDER',
      'gcp-service-account': 'GCP_SERVICE_ACCOUNT',
    },
  },
  azure: {
    uses: 'azure/login',
    inputs: {
      'azure-client-id': 'AZURE_CLIENT_ID',
      'azure-tenant-id': 'AZURE_TENANT_ID',
      'azure-subscription-id': 'AZURE_SUBSCRIPTION_ID',
    },
  },
};
