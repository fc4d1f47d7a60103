import { describe, expect, it } from 'vitest';
import { runEksProgram } from './run-eks-program.ts';

describe('the EKS cluster stack config', () => {
  it.each([
    [
      { nodeProvisioning: 'fargate' },
      'nodeProvisioning must be one of auto-mode, karpenter, got fargate',
    ],
    [
      { nodePool: { instanceType: 'm7i.large', minSize: 3 } },
      'nodePool is no longer read: nodes come from nodeProvisioning (auto-mode or karpenter); with karpenter, size them with nodeLimits: { cpu, memory } and systemNodes: { instanceType, count }',
    ],
    [{ nodeLimits: { cpu: 8 } }, 'nodeLimits applies only to nodeProvisioning: karpenter'],
    [{ systemNodes: { count: 3 } }, 'systemNodes applies only to nodeProvisioning: karpenter'],
    [
      { nodeProvisioning: 'karpenter', nodeLimits: { cpu: 0 } },
      'nodeLimits.cpu must be a whole number',
    ],
    [
      { nodeProvisioning: 'karpenter', nodeLimits: { memory: '256' } },
      'nodeLimits.memory must be a quantity',
    ],
    [
      { nodeProvisioning: 'karpenter', systemNodes: { count: 1 } },
      'systemNodes.count must be a whole number of at least 2',
    ],
    [{ adminRoleArns: ['alice'] }, 'adminRoleArns must hold IAM role ARNs'],
    [
      { adminRoleArns: { admin: 'arn:aws:iam::123456789012:role/a' } },
      'adminRoleArns must be a list',
    ],
  ])('rejects %o, naming the key and the fix', async (config, message) => {
    await expect(runEksProgram(config)).rejects.toThrow(`stack config ${message}`);
  });
});
