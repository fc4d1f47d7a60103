import { describe, expect, it } from 'vitest';
import { minimumZones } from '@slipway/infra-cluster-shared';
import { checkRestrictedPodSecurity, checkWorkloadStandards } from '@slipway/infra-policy';
import { metricsEndpoint, servicePortName } from '@slipway/platform-contract';
import {
  type Environment,
  type ServiceManifestInput,
  validateServiceManifest,
} from '@slipway/service-manifest';
import { deploymentSpec, runAsId, scrapeAnnotations } from './deployment-spec.ts';
import { standardLabels } from './labels.ts';
import { shutdownTiming } from './shutdown-timing.ts';

const image = `ghcr.io/acme/orders:1a2b3c@sha256:${'c'.repeat(64)}`;

function specOf(
  fields: Partial<ServiceManifestInput> = {},
  configChecksum = 'abc123',
  environment: Environment = 'dev',
) {
  const manifest = validateServiceManifest(
    { name: 'orders', port: 3001, ...fields },
    { file: 'apps/orders/service.yaml', folder: 'orders' },
  );
  const labels = standardLabels({ name: 'orders', environment: 'dev', image, public: false });
  const timing = shutdownTiming(manifest.shutdown);
  return deploymentSpec({ manifest, environment, image, labels, configChecksum, timing });
}

// The spec is plain data: read it as such.
type Plain = ReturnType<typeof JSON.parse>;
const plain = (value: unknown): Plain => JSON.parse(JSON.stringify(value));

describe('deploymentSpec', () => {
  it('is the same data for the same inputs, so an unchanged service never rolls', () => {
    expect(JSON.stringify(specOf())).toBe(JSON.stringify(specOf()));
  });

  it('annotates the pod template with the config checksum and the fixed scrape annotations, so a config change (only) rolls the pods', () => {
    expect(plain(specOf({}, 'other')).template.metadata.annotations).toEqual({
      'checksum/config': 'other',
      ...scrapeAnnotations,
    });
    expect(plain(specOf({}, 'other')).template).not.toEqual(plain(specOf()).template);
  });

  it('serves metrics on a container port of their own, the one the scrape annotations name', () => {
    const { template } = plain(specOf());
    const ports: { name: string; containerPort: number }[] = template.spec.containers[0].ports;
    const metrics = ports.find((p) => p.name === metricsEndpoint.portName);
    const api = ports.find((p) => p.name === servicePortName);
    expect(metrics?.containerPort).toBe(metricsEndpoint.port);
    expect(api?.containerPort).toBe(3001);
    expect(template.metadata.annotations).toMatchObject({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(metrics?.containerPort),
      'prometheus.io/path': '/metrics',
    });
  });

  it('uses the image reference exactly as given', () => {
    expect(plain(specOf()).template.spec.containers[0].image).toBe(image);
  });

  it('passes the restricted profile and the workload standards as a Deployment', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'orders', namespace: 'slipway-dev' },
      spec: plain(specOf({ secrets: ['DATABASE_URL'] })),
    };
    expect(checkRestrictedPodSecurity(deployment)).toEqual([]);
    expect(checkWorkloadStandards(deployment)).toEqual([]);
    expect(deployment.spec.template.spec.securityContext.runAsUser).toBe(runAsId);
  });

  it('mounts the secrets volume only when the manifest declares secrets', () => {
    const names = (spec: Plain) => spec.template.spec.volumes.map((v: { name: string }) => v.name);
    expect(names(plain(specOf()))).toEqual(['tmp']);
    expect(names(plain(specOf({ secrets: ['API_TOKEN'] })))).toEqual(['tmp', 'secrets']);
  });

  it('derives the grace period from manifest.shutdown', () => {
    const spec = plain(specOf({ shutdown: { drainSeconds: 10, maxRequestSeconds: 120 } }));
    expect(spec.template.spec.terminationGracePeriodSeconds).toBe(5 + 10 + 120 + 5);
  });

  it("gives /tmp's emptyDir the ephemeral-storage limit minus the headroom kept for logs", () => {
    const spec = plain(specOf({ resources: { limits: { ephemeralStorage: '1Gi' } } }));
    expect(spec.template.spec.volumes[0]).toEqual({
      name: 'tmp',
      emptyDir: { sizeLimit: '960Mi' },
    });
    expect(spec.template.spec.containers[0].resources.limits['ephemeral-storage']).toBe('1Gi');
  });

  it.each([
    ['dev', { whenUnsatisfiable: 'ScheduleAnyway' }],
    ['staging', { whenUnsatisfiable: 'ScheduleAnyway' }],
    ['prod', { whenUnsatisfiable: 'DoNotSchedule', minDomains: 3 }],
  ] as const)('spreads over zones in %s as its profile says: %o', (environment, zoneSpread) => {
    const [zone, host] = plain(specOf({}, 'abc123', environment)).template.spec
      .topologySpreadConstraints;
    const honoured = { nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Honor' };
    expect(zone).toEqual({
      maxSkew: 1,
      topologyKey: 'topology.kubernetes.io/zone',
      labelSelector: {
        matchLabels: {
          'app.kubernetes.io/name': 'orders',
          'app.kubernetes.io/instance': `orders-${environment}`,
        },
      },
      matchLabelKeys: ['pod-template-hash'],
      ...honoured,
      ...zoneSpread,
    });
    expect(host).toMatchObject({
      topologyKey: 'kubernetes.io/hostname',
      whenUnsatisfiable: 'ScheduleAnyway',
      ...honoured,
    });
    expect(host).not.toHaveProperty('minDomains');
  });

  it('spreads prod over as many zones as every cluster program requires', () => {
    const [zone] = plain(specOf({}, 'abc123', 'prod')).template.spec.topologySpreadConstraints;
    expect(zone.minDomains).toBe(minimumZones);
  });
});
