import type * as pulumi from '@pulumi/pulumi';
import type { Platform } from './platform.ts';
import { type PlatformOutputs, platformOutputNames } from './platform-outputs.ts';

/** The program's stack outputs: each {@link PlatformOutputs} field as an Output, absent when off. */
export type PlatformStackOutputs = {
  readonly [K in keyof PlatformOutputs]: pulumi.Output<NonNullable<PlatformOutputs[K]>>;
};

/**
 * The stack outputs of a platform, named by {@link platformOutputNames}. A part that is off
 * has no key at all, so Pulumi never sees an undefined output (and never warns about one).
 *
 * @example
 * export default platformStackOutputs(new Platform('slipway', args, opts));
 */
export function platformStackOutputs(platform: Platform): PlatformStackOutputs {
  const outputs: { [name: string]: pulumi.Output<unknown> } = {
    [platformOutputNames.namespaces]: platform.namespaces,
  };
  const optional = {
    [platformOutputNames.gateways]: platform.gateways,
    [platformOutputNames.clusterIssuer]: platform.clusterIssuer,
    [platformOutputNames.backupScheduleName]: platform.backupScheduleName,
    [platformOutputNames.backupSchedule]: platform.backupSchedule,
    [platformOutputNames.monitoring]: platform.monitoring,
  };
  for (const [name, output] of Object.entries(optional)) {
    if (output !== undefined) outputs[name] = output;
  }
  return outputs as unknown as PlatformStackOutputs;
}
