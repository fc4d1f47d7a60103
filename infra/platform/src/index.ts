import * as pulumi from '@pulumi/pulumi';
import { definePlatformStack } from './define-platform-stack.ts';

/**
 * The stack outputs the services stack reads (see platform-outputs.ts): one object, so a part
 * that is off is an absent output rather than an undefined one.
 */
export default definePlatformStack(new pulumi.Config(), pulumi.getStack());
