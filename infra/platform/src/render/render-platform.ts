import * as pulumi from '@pulumi/pulumi';
import type { PlatformOutputs } from '../platform-outputs.ts';
import { promiseOf, type RecordedResource, recordPlatform } from './record-platform.ts';

/** What a masked secret value renders as. */
export const maskedSecret = '[secret]';

/** A Kubernetes object as rendered: plain data, secrets masked. */
export type RenderedObject = Readonly<Record<string, unknown>> & {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string };
};

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

// Pulumi's wire format for a secret value (runtime/rpc: specialSigKey and specialSecretSig).
const signatureKey = '4dabf18193072939515e22adb298388d';
const secretSignature = '1b47061264138c4ac30d75fd1eb44270';

function isSecretMarker(value: unknown): value is { readonly value: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>)[signatureKey] === secretSignature
  );
}

/**
 * Replaces every Pulumi secret in a value with {@link maskedSecret}; a secret object keeps its
 * keys (which settings exist is not secret), never its values.
 * @example maskSecrets(recorded.inputs)
 */
export function maskSecrets(value: unknown, inSecret = false): unknown {
  if (isSecretMarker(value)) return maskSecrets(value.value, true);
  if (Array.isArray(value)) return value.map((item) => maskSecrets(item, inSecret));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => [key, maskSecrets(field, inSecret)]),
    );
  return inSecret ? maskedSecret : value;
}

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
  const objects = resources
    .filter(
      (r) =>
        r.type.startsWith('kubernetes:') &&
        r.type !== releaseType &&
        typeof r.inputs.kind === 'string',
    )
    .map((r) => maskSecrets(r.inputs) as RenderedObject);
  return {
    objects,
    releases: resources.filter((r) => r.type === releaseType).map(renderRelease),
    // Unwraps every output at once; each is known under mocks.
    outputs: (await promiseOf(pulumi.output(outputs))) as PlatformOutputs,
  };
}
