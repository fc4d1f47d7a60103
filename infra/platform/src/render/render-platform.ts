import * as pulumi from '@pulumi/pulumi';
import {
  kubernetesObjects,
  maskSecrets,
  promiseOf,
  type RecordedResource,
  type RenderedObject,
} from '@slipway/infra-testing/render';
import type { PlatformOutputs } from '../platform-outputs.ts';
import { recordPlatform } from './record-platform.ts';

/** A Helm release the program installs; the chart is not expanded offline. */
export interface RenderedRelease {
  readonly name: string;
  readonly namespace: string;
  readonly chart: string;
  readonly version: string;
  /** An HTTP chart repository or an `oci://` registry path. */
  readonly repository: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** Everything the platform program would apply for a stack, and what it would export. */
export interface RenderedPlatform {
  readonly objects: readonly RenderedObject[];
  readonly releases: readonly RenderedRelease[];
  readonly outputs: PlatformOutputs;
}

const releaseType = 'kubernetes:helm.sh/v3:Release';

function renderRelease(resource: RecordedResource): RenderedRelease {
  const inputs = maskSecrets(resource.inputs) as {
    name: string;
    namespace: string;
    chart: string;
    version: string;
    repositoryOpts?: { repo?: string };
    values?: Record<string, unknown>;
  };
  // An OCI chart is one reference, `oci://registry/path/chart`.
  const slash = inputs.chart.lastIndexOf('/');
  const oci = inputs.chart.startsWith('oci://');
  return {
    name: inputs.name,
    namespace: inputs.namespace,
    chart: oci ? inputs.chart.slice(slash + 1) : inputs.chart,
    version: inputs.version,
    repository: oci ? inputs.chart.slice(0, slash) : (inputs.repositoryOpts?.repo ?? ''),
    values: inputs.values ?? {},
  };
}

/**
 * Renders what the platform program would do for a stack, offline: every Kubernetes object it
 * applies (secrets masked), each Helm release it installs (not expanded) and its stack outputs.
 * `config` is the `config:` map of `Pulumi.<stack>.yaml`; keys may carry the
 * `slipway-platform:` prefix or not.
 * @throws PlatformStackConfigError, as the program would, when the config is incomplete.
 * @example const { objects, releases, outputs } = await renderPlatform('dev', parse(yaml).config);
 */
export async function renderPlatform(
  stack: string,
  config: Readonly<Record<string, unknown>>,
): Promise<RenderedPlatform> {
  const { resources, outputs } = await recordPlatform(stack, config);
  return {
    objects: kubernetesObjects(resources),
    releases: resources.filter((r) => r.type === releaseType).map(renderRelease),
    // Unwraps every output at once; each is known under mocks.
    outputs: (await promiseOf(pulumi.output(outputs))) as PlatformOutputs,
  };
}
