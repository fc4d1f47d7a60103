import { monitoringPorts } from './monitoring-pods.ts';
import { restrictedContainerSecurityContext } from './restricted-security.ts';

/** The uid Tempo's image runs as. */
const tempoUid = 10001;

/** What {@link tempoValues} needs to know. */
export interface TempoValuesArgs {
  /** How long traces are kept, as a Go duration, e.g. `168h`. */
  readonly retention: string;
  /** The size of Tempo's volume (its blocks and write-ahead log), e.g. `10Gi`. */
  readonly storageSize: string;
}

/**
 * Helm values for Tempo in single-binary mode: OTLP over gRPC in (from the collector only; the
 * Jaeger receivers are removed), traces on a persistent volume for `retention`, its HTTP API on
 * 3200 for Grafana, usage reporting off, and the restricted profile's security contexts.
 *
 * @example
 * tempoValues({ retention: '168h', storageSize: '10Gi' });
 */
export function tempoValues(args: TempoValuesArgs): Record<string, unknown> {
  return {
    tempo: {
      reportingEnabled: false,
      retention: args.retention,
      server: { http_listen_port: monitoringPorts.tempoHttp },
      // Helm merges these into the chart's receivers: null drops its Jaeger ones and OTLP/HTTP.
      receivers: {
        jaeger: null,
        otlp: {
          protocols: {
            grpc: { endpoint: `0.0.0.0:${monitoringPorts.tempoOtlpGrpc}` },
            http: null,
          },
        },
      },
      resources: { requests: { cpu: '100m', memory: '512Mi' }, limits: { memory: '2Gi' } },
      securityContext: restrictedContainerSecurityContext,
    },
    securityContext: {
      runAsNonRoot: true,
      runAsUser: tempoUid,
      runAsGroup: tempoUid,
      fsGroup: tempoUid,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    serviceAccount: { create: true, automountServiceAccountToken: false },
    persistence: { enabled: true, accessModes: ['ReadWriteOnce'], size: args.storageSize },
  };
}
