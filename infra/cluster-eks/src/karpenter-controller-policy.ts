/** Where the Karpenter controller's permissions are scoped to. */
export interface KarpenterScope {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  readonly clusterName: string;
  /** The IAM role Karpenter's nodes run as; the only role it may pass. */
  readonly nodeRoleArn: string;
  /** The interruption queue it reads. */
  readonly queueArn: string;
}

/**
 * The Karpenter controller's IAM policy, after the one in Karpenter's getting-started
 * CloudFormation template (v1): it launches and tags instances only with this cluster's tags,
 * terminates only instances it launched for this cluster, passes only the node role, and manages
 * only instance profiles tagged as this cluster's.
 *
 * @example
 * const policy = JSON.stringify(karpenterControllerPolicy({ partition: 'aws', region: 'eu-west-1', ... }));
 */
export function karpenterControllerPolicy(scope: KarpenterScope) {
  const { partition, region, accountId, clusterName } = scope;
  const ec2 = (resource: string) => `arn:${partition}:ec2:${region}:*:${resource}/*`;
  const owned = { [`aws:RequestTag/kubernetes.io/cluster/${clusterName}`]: 'owned' };
  const ownedResource = { [`aws:ResourceTag/kubernetes.io/cluster/${clusterName}`]: 'owned' };
  const launched = [
    'fleet',
    'instance',
    'volume',
    'network-interface',
    'launch-template',
    'spot-instances-request',
  ].map(ec2);
  const instanceProfiles = `arn:${partition}:iam::${accountId}:instance-profile/*`;
  const profileTags = {
    ...owned,
    'aws:RequestTag/eks:eks-cluster-name': clusterName,
    'aws:RequestTag/topology.kubernetes.io/region': region,
  };
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'LaunchFromSharedResources',
        Effect: 'Allow',
        Action: ['ec2:RunInstances', 'ec2:CreateFleet'],
        Resource: [
          `arn:${partition}:ec2:${region}::image/*`,
          `arn:${partition}:ec2:${region}::snapshot/*`,
          ec2('security-group'),
          ec2('subnet'),
          ec2('capacity-reservation'),
        ],
      },
      {
        Sid: 'LaunchFromOwnLaunchTemplates',
        Effect: 'Allow',
        Action: ['ec2:RunInstances', 'ec2:CreateFleet'],
        Resource: ec2('launch-template'),
        Condition: {
          StringEquals: ownedResource,
          StringLike: { 'aws:ResourceTag/karpenter.sh/nodepool': '*' },
        },
      },
      {
        Sid: 'CreateOnlyTaggedAsThisCluster',
        Effect: 'Allow',
        Action: ['ec2:RunInstances', 'ec2:CreateFleet', 'ec2:CreateLaunchTemplate'],
        Resource: launched,
        Condition: {
          StringEquals: { ...owned, 'aws:RequestTag/eks:eks-cluster-name': clusterName },
          StringLike: { 'aws:RequestTag/karpenter.sh/nodepool': '*' },
        },
      },
      {
        Sid: 'TagOnCreate',
        Effect: 'Allow',
        Action: 'ec2:CreateTags',
        Resource: launched,
        Condition: {
          StringEquals: {
            ...owned,
            'aws:RequestTag/eks:eks-cluster-name': clusterName,
            'ec2:CreateAction': ['RunInstances', 'CreateFleet', 'CreateLaunchTemplate'],
          },
          StringLike: { 'aws:RequestTag/karpenter.sh/nodepool': '*' },
        },
      },
      {
        Sid: 'TagOwnInstances',
        Effect: 'Allow',
        Action: 'ec2:CreateTags',
        Resource: ec2('instance'),
        Condition: {
          StringEquals: ownedResource,
          StringLike: { 'aws:ResourceTag/karpenter.sh/nodepool': '*' },
          StringEqualsIfExists: { 'aws:RequestTag/eks:eks-cluster-name': clusterName },
          'ForAllValues:StringEquals': {
            'aws:TagKeys': ['eks:eks-cluster-name', 'karpenter.sh/nodeclaim', 'Name'],
          },
        },
      },
      {
        Sid: 'DeleteOnlyOwn',
        Effect: 'Allow',
        Action: ['ec2:TerminateInstances', 'ec2:DeleteLaunchTemplate'],
        Resource: [ec2('instance'), ec2('launch-template')],
        Condition: {
          StringEquals: ownedResource,
          StringLike: { 'aws:ResourceTag/karpenter.sh/nodepool': '*' },
        },
      },
      {
        Sid: 'PassNodeRole',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: scope.nodeRoleArn,
        Condition: {
          StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com', 'ec2.amazonaws.com.cn'] },
        },
      },
      {
        Sid: 'CreateOwnInstanceProfiles',
        Effect: 'Allow',
        Action: 'iam:CreateInstanceProfile',
        Resource: instanceProfiles,
        Condition: {
          StringEquals: profileTags,
          StringLike: { 'aws:RequestTag/karpenter.k8s.aws/ec2nodeclass': '*' },
        },
      },
      {
        Sid: 'TagOwnInstanceProfiles',
        Effect: 'Allow',
        Action: 'iam:TagInstanceProfile',
        Resource: instanceProfiles,
        Condition: {
          StringEquals: {
            ...ownedResource,
            'aws:ResourceTag/topology.kubernetes.io/region': region,
            ...profileTags,
          },
          StringLike: {
            'aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass': '*',
            'aws:RequestTag/karpenter.k8s.aws/ec2nodeclass': '*',
          },
        },
      },
      {
        Sid: 'ManageOwnInstanceProfiles',
        Effect: 'Allow',
        Action: [
          'iam:AddRoleToInstanceProfile',
          'iam:RemoveRoleFromInstanceProfile',
          'iam:DeleteInstanceProfile',
        ],
        Resource: instanceProfiles,
        Condition: {
          StringEquals: {
            ...ownedResource,
            'aws:ResourceTag/topology.kubernetes.io/region': region,
          },
          StringLike: { 'aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass': '*' },
        },
      },
      {
        Sid: 'ReadInstanceProfiles',
        Effect: 'Allow',
        Action: 'iam:GetInstanceProfile',
        Resource: instanceProfiles,
      },
      {
        Sid: 'DiscoverClusterEndpoint',
        Effect: 'Allow',
        Action: 'eks:DescribeCluster',
        Resource: `arn:${partition}:eks:${region}:${accountId}:cluster/${clusterName}`,
      },
      {
        Sid: 'ReadInterruptionQueue',
        Effect: 'Allow',
        Action: ['sqs:DeleteMessage', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'],
        Resource: scope.queueArn,
      },
      {
        Sid: 'DiscoverRegionalResources',
        Effect: 'Allow',
        Action: [
          'ec2:DescribeCapacityReservations',
          'ec2:DescribeImages',
          'ec2:DescribeInstances',
          'ec2:DescribeInstanceTypeOfferings',
          'ec2:DescribeInstanceTypes',
          'ec2:DescribeLaunchTemplates',
          'ec2:DescribeSecurityGroups',
          'ec2:DescribeSpotPriceHistory',
          'ec2:DescribeSubnets',
        ],
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestedRegion': region } },
      },
      {
        Sid: 'ReadPublicAmiParameters',
        Effect: 'Allow',
        Action: ['ssm:GetParameter'],
        Resource: `arn:${partition}:ssm:${region}::parameter/aws/service/*`,
      },
      {
        Sid: 'ReadPricesAndProfileList',
        Effect: 'Allow',
        Action: ['pricing:GetProducts', 'iam:ListInstanceProfiles'],
        Resource: '*',
      },
    ],
  };
}
