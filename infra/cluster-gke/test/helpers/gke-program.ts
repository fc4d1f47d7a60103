import { programRunner } from '@slipway/infra-testing';

/** The project, number and DNS endpoint the mocked Google Cloud answers with. */
export const mocked = {
  project: 'acme-prod',
  projectNumber: '123456789012',
  dnsEndpoint: 'gke-0123456789abcdef0123456789abcdef-123456789012.europe-west1.gke.goog',
  zones: ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'],
  nodeServiceAccount: 'slipway-dev-nodes@acme-prod.iam.gserviceaccount.com',
} as const;

/** The resource types the program registers, as the mocks record them. */
export const types = {
  cluster: 'gcp:container/cluster:Cluster',
  nodePool: 'gcp:container/nodePool:NodePool',
  iamMember: 'gcp:projects/iAMMember:IAMMember',
} as const;

/**
 * Runs the GKE cluster program under mocks with the provider config it cannot start without
 * and the test's own stack config on top.
 * @example const { resources, program } = await runGkeProgram({ mode: 'standard' });
 */
export const runGkeProgram = programRunner(
  {
    project: 'slipway-cluster-gke',
    config: { 'gcp:project': mocked.project, 'gcp:region': 'europe-west1' },
    outputsOf: (resource) => {
      if (resource.type === types.cluster) {
        // The IP endpoint and its CA exist in the API's answer; the kubeconfig must not use them.
        return {
          endpoint: '203.0.113.10',
          masterAuth: { clusterCaCertificate: 'Q0EtREFUQQ==' },
          controlPlaneEndpointsConfig: {
            dnsEndpointConfig: { endpoint: mocked.dnsEndpoint, allowExternalTraffic: true },
            ipEndpointsConfig: { enabled: false },
          },
        };
      }
      if (resource.type === 'gcp:serviceaccount/account:Account') {
        return { email: `${String(resource.inputs.accountId)}@acme-prod.iam.gserviceaccount.com` };
      }
      return undefined;
    },
    calls: {
      'gcp:compute/getZones:getZones': {
        names: ['europe-west1-d', 'europe-west1-b', 'europe-west1-c'],
      },
      'gcp:organizations/getProject:getProject': {
        projectId: mocked.project,
        number: mocked.projectNumber,
      },
    },
  },
  () => import('../../src/index.ts'),
);
