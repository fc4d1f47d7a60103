import { describe, expect, it } from 'vitest';
import { telemetryEnvironment } from './telemetry-environment.ts';

const monitoring = { namespace: 'observability', collectorPodLabels: { app: 'collector' } };

describe('telemetryEnvironment', () => {
  it("points OTLP/HTTP at the collector's Service in the platform's monitoring namespace", () => {
    expect(
      telemetryEnvironment({
        service: 'orders',
        environment: 'staging',
        image: 'ghcr.io/acme/orders:3f9c2e1@sha256:abc',
        monitoring,
      }),
    ).toEqual({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.observability.svc.cluster.local:4318',
      OTEL_SERVICE_NAME: 'orders',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=staging,service.version=3f9c2e1',
    });
  });
});
