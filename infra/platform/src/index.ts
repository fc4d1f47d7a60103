import * as pulumi from '@pulumi/pulumi';
import { readWorkloadIdentity } from '@slipway/infra-workload-identity';
import { definePlatformStack } from './define-platform-stack.ts';

const config = new pulumi.Config();
// A plain value, read before any resource: which cloud resources the add-ons' identities need
// depends on the cloud.
const workloadIdentity = await readWorkloadIdentity(config.get('clusterStack'));

/**
 * The stack outputs the services stack reads (see platform-outputs.ts): one object, so a part
 * that is off is an absent output rather than an undefined one.
 */
export default definePlatformStack(config, pulumi.getStack(), workloadIdentity);
