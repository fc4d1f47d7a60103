import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';

/** The EC2 and Health events that warn of a node going away, by EventBridge rule name suffix. */
const interruptionEvents = {
  'scheduled-change': { source: ['aws.health'], 'detail-type': ['AWS Health Event'] },
  'spot-interruption': {
    source: ['aws.ec2'],
    'detail-type': ['EC2 Spot Instance Interruption Warning'],
  },
  rebalance: { source: ['aws.ec2'], 'detail-type': ['EC2 Instance Rebalance Recommendation'] },
  'instance-state-change': {
    source: ['aws.ec2'],
    'detail-type': ['EC2 Instance State-change Notification'],
  },
} as const;

/**
 * The SQS queue Karpenter reads interruption warnings from (Spot's two-minute notice, scheduled
 * maintenance, rebalance recommendations, instance stops), fed by EventBridge rules, so it drains
 * a node and starts its replacement before the instance goes away.
 *
 * @example
 * const queue = createInterruptionQueue('slipway-karpenter', { parent: this });
 */
export function createInterruptionQueue(
  name: string,
  opts: pulumi.CustomResourceOptions,
): aws.sqs.Queue {
  const queue = new aws.sqs.Queue(
    name,
    { messageRetentionSeconds: 300, sqsManagedSseEnabled: true },
    opts,
  );
  new aws.sqs.QueuePolicy(
    name,
    {
      queueUrl: queue.url,
      policy: queue.arn.apply((arn) =>
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: ['events.amazonaws.com', 'sqs.amazonaws.com'] },
              Action: 'sqs:SendMessage',
              Resource: arn,
            },
            {
              Sid: 'DenyHTTP',
              Effect: 'Deny',
              Principal: '*',
              Action: 'sqs:*',
              Resource: arn,
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        }),
      ),
    },
    opts,
  );
  for (const [event, pattern] of Object.entries(interruptionEvents)) {
    const rule = new aws.cloudwatch.EventRule(
      `${name}-${event}`,
      { eventPattern: JSON.stringify(pattern) },
      opts,
    );
    new aws.cloudwatch.EventTarget(`${name}-${event}`, { rule: rule.name, arn: queue.arn }, opts);
  }
  return queue;
}
