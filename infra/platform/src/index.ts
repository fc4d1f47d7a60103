import * as pulumi from '@pulumi/pulumi';
import { readClusterStack } from '@slipway/infra-workload-identity';
import { definePlatformStack } from './define-platform-stack.ts';

const config = new pulumi.Config();
// Read before any resource: which cloud resources the add-ons' identities need depends on the cloud.
const cluster = await readClusterStack(config.get('clusterStack'));

/**
 * The stack outputs the services stack reads (see platform-outputs.ts): one object, so a part
 * that is off is an absent output rather than an undefined one.
 */
export default definePlatformStack(config, pulumi.getStack(), cluster);
