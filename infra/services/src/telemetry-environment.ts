import type { PlatformMonitoring } from '@slipway/infra-platform/outputs';
import { telemetry } from '@slipway/platform-contract';
import type { Environment } from '@slipway/service-manifest';
import { imageVersion } from './image-reference.ts';

/** What {@link telemetryEnvironment} needs to know. */
export interface TelemetryEnvironmentInput {
  /** The service name, its `service.name` in every span. */
  readonly service: string;
  readonly environment: Environment;
  /** The container image; its tag (else its digest) is `service.version`, as in the labels. */
  readonly image: string;
  /** The platform stack's `monitoring` output: where the collector is. */
  readonly monitoring: PlatformMonitoring;
}

/**
 * The OpenTelemetry variables of a service in a cluster with the platform's monitoring on: OTLP
 * over HTTP to the collector's Service in the monitoring namespace, the service's name, and its
 * environment and version as resource attributes (semantic-convention names). The service kit
 * traces exactly when the endpoint is set, so without monitoring none of them is.
 * @example telemetryEnvironment({ service: 'orders', environment: 'prod', image: 'ghcr.io/acme/orders:1.4.2', monitoring }).OTEL_SERVICE_NAME // 'orders'
 */
export function telemetryEnvironment({
  service,
  environment,
  image,
  monitoring,
}: TelemetryEnvironmentInput): Record<string, string> {
  const { collector, variables } = telemetry;
  const host = `${collector.service}.${monitoring.namespace}.svc.cluster.local`;
  const attributes = {
    'deployment.environment.name': environment,
    'service.version': imageVersion(image),
  };
  return {
    [variables.endpoint]: `http://${host}:${collector.otlpHttpPort}`,
    [variables.serviceName]: service,
    [variables.resourceAttributes]: Object.entries(attributes)
      .map(([key, value]) => `${key}=${value}`)
      .join(','),
  };
}
