import { programRunner, type RecordedResource } from '@slipway/infra-testing';

/** What the mocked `eks.Cluster` answers with. */
export const fakeKubeconfig = '{"apiVersion":"v1","kind":"Config","clusters":[]}';
export const fakeClusterSecurityGroupId = 'sg-0cluster';

/** The cluster program's module, as its tests import it. */
export type Program = typeof import('../src/index.ts');

/**
 * Runs the EKS cluster program under mocks with the given stack config (on top of
 * `aws:region: eu-west-1`). AWS resources answer with an ARN and a name made from their
 * resource name, as AWS would give them.
 */
export const runEksProgram = programRunner(
  {
    project: 'slipway-cluster-eks',
    config: { 'aws:region': 'eu-west-1' },
    outputsOf: (resource: RecordedResource) => {
      if (resource.type === 'eks:index:Cluster') {
        return {
          kubeconfigJson: fakeKubeconfig,
          clusterSecurityGroupId: fakeClusterSecurityGroupId,
        };
      }
      if (resource.type.startsWith('aws:')) {
        return {
          arn: `arn:aws:mock:::${resource.name}`,
          name: resource.inputs.name ?? resource.name,
          url: `https://sqs.mock/${resource.name}`,
        };
      }
      return undefined;
    },
    calls: {
      'aws:index/getAvailabilityZones:getAvailabilityZones': {
        names: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1d'],
      },
      'aws:index/getPartition:getPartition': { partition: 'aws' },
      'aws:index/getCallerIdentity:getCallerIdentity': { accountId: '123456789012' },
    },
  },
  () => import('../src/index.ts'),
);

/** Resource types the tests look for. */
export const types = {
  cluster: 'eks:index:Cluster',
  nodeGroup: 'eks:index:ManagedNodeGroup',
  release: 'kubernetes:helm.sh/v3:Release',
  addon: 'aws:eks/addon:Addon',
  accessEntry: 'aws:eks/accessEntry:AccessEntry',
  accessPolicy: 'aws:eks/accessPolicyAssociation:AccessPolicyAssociation',
  podIdentity: 'aws:eks/podIdentityAssociation:PodIdentityAssociation',
  role: 'aws:iam/role:Role',
  queue: 'aws:sqs/queue:Queue',
  eventRule: 'aws:cloudwatch/eventRule:EventRule',
  eventTarget: 'aws:cloudwatch/eventTarget:EventTarget',
  configMap: 'kubernetes:core/v1:ConfigMap',
  storageClass: 'kubernetes:storage.k8s.io/v1:StorageClass',
  nodeClass: 'kubernetes:karpenter.k8s.aws/v1:EC2NodeClass',
  nodePool: 'kubernetes:karpenter.sh/v1:NodePool',
  subnet: 'aws:ec2/subnet:Subnet',
} as const;

/** The private subnets the program created, in zone order. */
export const privateSubnets = (resources: RecordedResource[]) =>
  resources.filter((r) => r.type === types.subnet && r.name.includes('-private-'));
