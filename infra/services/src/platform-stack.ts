import * as pulumi from '@pulumi/pulumi';
import {
  type PlatformGateway,
  type PlatformMonitoring,
  type PlatformOutputs,
  platformOutputNames,
} from '@slipway/infra-platform/outputs';
import { ServicesStackConfigError } from './stack-config-error.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}

function isGateway(value: unknown): value is PlatformGateway {
  if (!isRecord(value) || !isRecord(value.parentRef) || !isRecord(value.dataPlane)) return false;
  const { name, namespace, sectionName } = value.parentRef;
  return (
    [value.domain, name, namespace, sectionName, value.dataPlane.namespace].every(
      (v) => typeof v === 'string' && v !== '',
    ) &&
    isStringMap(value.dataPlane.podLabels) &&
    [undefined, 'envoy-gateway', 'external'].includes(value.controller as string | undefined)
  );
}

function isMonitoring(value: unknown): value is PlatformMonitoring {
  return (
    isRecord(value) &&
    typeof value.namespace === 'string' &&
    value.namespace !== '' &&
    isStringMap(value.collectorPodLabels) &&
    Object.keys(value.collectorPodLabels).length > 0
  );
}

/**
 * Checks what a platform stack exported against the agreement (`PlatformOutputs`), since a
 * StackReference returns untyped values: a platform stack of another version fails here, by
 * name, instead of as a malformed HTTPRoute or NetworkPolicy. `monitoring` is kept when
 * present: it turns on the services' alerts, dashboards and traces.
 * @throws Error naming the output that does not fit.
 * @example platformOutputsFrom({ namespaces: ['slipway-dev'], gateways: { 'slipway-dev': gateway } })
 */
export function platformOutputsFrom(values: Readonly<Record<string, unknown>>): PlatformOutputs {
  const { namespaces, gateways, monitoring } = values;
  const invalid = (name: string, expected: string) =>
    new Error(`the platform stack's output '${name}' is not ${expected}`);
  if (!Array.isArray(namespaces) || !namespaces.every((n) => typeof n === 'string'))
    throw invalid(platformOutputNames.namespaces, 'a list of namespace names');
  if (gateways !== undefined && !(isRecord(gateways) && Object.values(gateways).every(isGateway)))
    throw invalid(
      platformOutputNames.gateways,
      "a map of namespace to { domain, parentRef: { name, namespace, sectionName }, dataPlane: { namespace, podLabels }, controller?: 'envoy-gateway' | 'external' }",
    );
  // Its egress rule selects the collector by these labels: empty ones would open every pod.
  if (monitoring !== undefined && !isMonitoring(monitoring))
    throw invalid(
      platformOutputNames.monitoring,
      'a { namespace, collectorPodLabels } with at least one label',
    );
  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
  const clusterIssuer = text(platformOutputNames.clusterIssuer);
  const backupScheduleName = text(platformOutputNames.backupScheduleName);
  const backupSchedule = text(platformOutputNames.backupSchedule);
  return {
    namespaces,
    ...(gateways ? { gateways: gateways as Record<string, PlatformGateway> } : {}),
    ...(clusterIssuer ? { clusterIssuer } : {}),
    ...(backupScheduleName ? { backupScheduleName } : {}),
    ...(backupSchedule ? { backupSchedule } : {}),
    ...(monitoring ? { monitoring } : {}),
  };
}

/**
 * Reads the platform stack's outputs through a StackReference, before any service resource is
 * registered, so the plan can check them (a gateway for the namespace) synchronously.
 * @example const platform = await readPlatformOutputs('organization/slipway-platform/dev');
 */
export async function readPlatformOutputs(platformStack: string): Promise<PlatformOutputs> {
  const reference = new pulumi.StackReference('platform', { name: platformStack });
  const entries = await Promise.all(
    Object.values(platformOutputNames).map(async (name) => {
      const details = await reference.getOutputDetails(name);
      return [name, details.value ?? details.secretValue] as const;
    }),
  );
  try {
    return platformOutputsFrom(Object.fromEntries(entries));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ServicesStackConfigError(pulumi.getStack(), [
      { service: '', field: 'platformStack', message: `'${platformStack}': ${message}` },
    ]);
  }
}
