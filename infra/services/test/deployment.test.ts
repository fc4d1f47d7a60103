import { describe, expect, it } from 'vitest';
import { checkRestrictedPodSecurity } from '@slipway/infra-policy';
import { telemetry } from '@slipway/platform-contract';
import type { ServiceManifestInput } from '@slipway/service-manifest';
import { configChecksum } from '../src/service-environment.ts';
import { shutdownTiming } from '../src/shutdown-timing.ts';
import {
  configFor,
  containerOf,
  exampleManifests,
  find,
  manifest,
  podSpecOf,
  renderObjects,
} from './fixtures.ts';

const examples = await renderObjects(exampleManifests());

describe('the Deployment of a service', () => {
  it('has no replicas field, because the HPA owns the count', () => {
    for (const name of ['orders', 'gateway']) {
      expect(find(examples, 'Deployment', name).spec).not.toHaveProperty('replicas');
    }
  });

  it('probes /livez, /readyz and /startupz on the named port http, with different probes', () => {
    const container = containerOf(examples, 'orders');
    expect(container.ports).toEqual([
      { name: 'http', containerPort: 3001, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9464, protocol: 'TCP' },
    ]);
    expect(container.livenessProbe.httpGet).toEqual({ path: '/livez', port: 'http' });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(container.startupProbe.httpGet).toEqual({ path: '/startupz', port: 'http' });
    expect(container.livenessProbe).not.toEqual(container.readinessProbe);
    // Startup gets a minute before liveness may restart a slow start.
    expect(
      container.startupProbe.periodSeconds * container.startupProbe.failureThreshold,
    ).toBeGreaterThanOrEqual(60);
  });

  it('requests cpu, memory and ephemeral storage and limits memory and ephemeral storage, from the manifest', () => {
    expect(containerOf(examples, 'orders').resources).toEqual({
      requests: { cpu: '100m', memory: '128Mi', 'ephemeral-storage': '64Mi' },
      limits: { memory: '256Mi', 'ephemeral-storage': '256Mi' },
    });
  });

  it('sets a CPU limit only when the manifest sets one', async () => {
    const withLimit = manifest('cruncher', {
      resources: { requests: { cpu: '500m' }, limits: { cpu: '2', memory: '1Gi' } },
    });
    const objects = await renderObjects([withLimit]);
    expect(containerOf(objects, 'cruncher').resources.limits).toEqual({
      cpu: '2',
      memory: '1Gi',
      'ephemeral-storage': '256Mi',
    });
    expect(containerOf(examples, 'gateway').resources.limits).not.toHaveProperty('cpu');
  });

  it('passes the restricted Pod Security Standard with uid and gid 10001', () => {
    for (const name of ['orders', 'gateway']) {
      const deployment = find(examples, 'Deployment', name);
      expect(checkRestrictedPodSecurity(deployment)).toEqual([]);
      expect(deployment.spec.template.spec.securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 10001,
        runAsGroup: 10001,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(deployment.spec.template.spec.containers[0].securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
    }
  });

  it('mounts a writable emptyDir at /tmp under the read-only root file system, below the ephemeral-storage limit', () => {
    const spec = podSpecOf(examples, 'gateway');
    // The limit (256Mi) minus the 64Mi kept for the container's logs.
    expect(spec.volumes).toContainEqual({ name: 'tmp', emptyDir: { sizeLimit: '192Mi' } });
    expect(spec.containers[0].volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
  });

  it('rolls out with maxUnavailable 0 and a surge of at least one pod', () => {
    const { strategy } = find(examples, 'Deployment', 'orders').spec;
    expect(strategy.type).toBe('RollingUpdate');
    expect(strategy.rollingUpdate.maxUnavailable).toBe(0);
    // A percentage surge rounds up, so 25% is at least one pod at any replica count.
    expect(strategy.rollingUpdate.maxSurge).toBe('25%');
  });

  it('sleeps in preStop and gives a grace period above preStop + drain + the longest request', () => {
    const spec = podSpecOf(examples, 'orders');
    const preStop = spec.containers[0].lifecycle.preStop;
    expect(preStop).toEqual({ sleep: { seconds: 5 } });
    expect(spec.terminationGracePeriodSeconds).toBe(5 + 5 + 30 + 5);
    expect(spec.terminationGracePeriodSeconds).toBeGreaterThan(preStop.sleep.seconds + 5 + 30);
  });

  it('derives the grace period and the service kit timings from manifest.shutdown', async () => {
    const slow = manifest('reports', { shutdown: { drainSeconds: 10, maxRequestSeconds: 120 } });
    const objects = await renderObjects([slow]);
    expect(podSpecOf(objects, 'reports').terminationGracePeriodSeconds).toBe(5 + 10 + 120 + 5);
    expect(find(objects, 'ConfigMap', 'reports').data).toMatchObject({
      SHUTDOWN_DRAIN_MS: '10000',
      SHUTDOWN_TIMEOUT_MS: '120000',
    });
    expect(
      shutdownTiming({ drainSeconds: 10, maxRequestSeconds: 120 }).terminationGracePeriodSeconds,
    ).toBe(140);
  });

  it('spreads pods across zones and nodes', () => {
    const constraints = podSpecOf(examples, 'orders').topologySpreadConstraints;
    expect(constraints.map((c: { topologyKey: string }) => c.topologyKey)).toEqual([
      'topology.kubernetes.io/zone',
      'kubernetes.io/hostname',
    ]);
    for (const constraint of constraints) {
      expect(constraint.labelSelector.matchLabels).toEqual(
        find(examples, 'Deployment', 'orders').spec.selector.matchLabels,
      );
    }
  });

  it('runs as its own service account without a mounted API token', () => {
    const spec = podSpecOf(examples, 'orders');
    expect(spec.serviceAccountName).toBe('orders');
    expect(spec.automountServiceAccountToken).toBe(false);
    expect(find(examples, 'ServiceAccount', 'orders').automountServiceAccountToken).toBe(false);
  });

  it('mounts secrets as files and points <NAME>_FILE at them, with no secret in env', () => {
    const spec = podSpecOf(examples, 'orders');
    expect(spec.volumes).toContainEqual({
      name: 'secrets',
      secret: { secretName: 'orders', defaultMode: 0o440 },
    });
    expect(spec.containers[0].volumeMounts).toContainEqual({
      name: 'secrets',
      mountPath: '/var/run/secrets/slipway',
      readOnly: true,
    });
    expect(spec.containers[0].envFrom).toEqual([{ configMapRef: { name: 'orders' } }]);
    expect(spec.containers[0]).not.toHaveProperty('env');
    expect(find(examples, 'ConfigMap', 'orders').data.DATABASE_URL_FILE).toBe(
      '/var/run/secrets/slipway/DATABASE_URL',
    );
  });

  it('uses the image from stack config', () => {
    expect(containerOf(examples, 'orders').image).toBe('ghcr.io/acme/orders:1.4.2');
  });

  it('labels every object with the six app.kubernetes.io labels and selects pods by name and instance', () => {
    for (const object of examples.filter(
      (o) => o.metadata.labels?.['app.kubernetes.io/name'] === 'orders',
    )) {
      // The dashboard's ConfigMap also carries the label Grafana's sidecar loads it by.
      const dashboard = object.metadata.name === 'orders-dashboard' ? telemetry.dashboardLabel : {};
      expect(object.metadata.labels).toEqual({
        'app.kubernetes.io/name': 'orders',
        'app.kubernetes.io/instance': 'orders-dev',
        'app.kubernetes.io/version': '1.4.2',
        'app.kubernetes.io/component': 'backend',
        'app.kubernetes.io/part-of': 'slipway',
        'app.kubernetes.io/managed-by': 'pulumi',
        ...dashboard,
      });
    }
    expect(find(examples, 'Deployment', 'orders').spec.selector.matchLabels).toEqual({
      'app.kubernetes.io/name': 'orders',
      'app.kubernetes.io/instance': 'orders-dev',
    });
  });

  it('labels the version of a digest-pinned image with the digest prefix, a valid label value', async () => {
    const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;
    const objects = await renderObjects(
      [manifest('ledger')],
      configFor([manifest('ledger')], { images: { ledger: `ghcr.io/acme/ledger@${digest}` } }),
    );
    expect(find(objects, 'Deployment', 'ledger').metadata.labels['app.kubernetes.io/version']).toBe(
      '0123456789ab',
    );
  });
});

describe('images pinned as CI writes them, <commit that last changed the service>@<digest>', () => {
  const manifests = exampleManifests();
  const pinned = (name: string, commit: string, digit: string) =>
    `ghcr.io/acme/${name}:${commit}@sha256:${digit.repeat(64)}`;
  const unchanged = Object.fromEntries(
    manifests.map((m) => [m.name, pinned(m.name, '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b', 'a')]),
  );
  const deploy = (images: Record<string, string>) =>
    renderObjects(manifests, configFor(manifests, { images }));
  const template = (objects: Awaited<ReturnType<typeof deploy>>, name: string) =>
    JSON.stringify(find(objects, 'Deployment', name).spec.template);

  it("leaves an unchanged service's pod template byte-identical when another service's image changes", async () => {
    const first = await deploy(unchanged);
    const second = await deploy({
      ...unchanged,
      orders: pinned('orders', '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432', 'b'),
    });
    for (const m of manifests.filter((m) => m.name !== 'orders'))
      expect(template(second, m.name), m.name).toBe(template(first, m.name));
    expect(template(second, 'orders')).not.toBe(template(first, 'orders'));
  });

  it('runs the reference unchanged and labels the version with the commit of its tag', async () => {
    const objects = await deploy(unchanged);
    const deployment = find(objects, 'Deployment', 'orders');
    expect(deployment.spec.template.spec.containers[0].image).toBe(unchanged.orders);
    expect(deployment.spec.template.metadata.labels['app.kubernetes.io/version']).toBe(
      '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b',
    );
  });
});

describe('the config checksum annotation', () => {
  const checksumOf = async (m: ServiceManifestInput, stack = 'dev') => {
    const objects = await renderObjects([m], configFor([m], {}, stack));
    return find(objects, 'Deployment', m.name).spec.template.metadata.annotations[
      'checksum/config'
    ] as string;
  };

  it('is the SHA-256 of the ConfigMap data', async () => {
    const ledger = manifest('ledger');
    const objects = await renderObjects([ledger], configFor([ledger], {}, 'dev'));
    const checksum = await checksumOf(ledger);
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(checksum).toBe(configChecksum(find(objects, 'ConfigMap', 'ledger').data));
  });

  it('stays the same when nothing changes', async () => {
    expect(await checksumOf(manifest('ledger'))).toBe(await checksumOf(manifest('ledger')));
  });

  it('changes when a config value changes, so the pods roll', async () => {
    const before = await checksumOf(
      manifest('ledger', { config: { default: { LOG_LEVEL: 'info' } } }),
    );
    const after = await checksumOf(
      manifest('ledger', { config: { default: { LOG_LEVEL: 'warn' } } }),
    );
    expect(after).not.toBe(before);
  });

  it('changes when the environment section that applies changes', async () => {
    const m = manifest('ledger', {
      config: { default: { LOG_LEVEL: 'info' }, prod: { LOG_LEVEL: 'warn' } },
    });
    expect(await checksumOf(m, 'prod')).not.toBe(await checksumOf(m, 'dev'));
  });
});
