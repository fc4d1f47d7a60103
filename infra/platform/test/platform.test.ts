import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkObjectSet,
  formatViolations,
  hasKubernetesSchema,
  type KubernetesObject,
} from '@slipway/infra-policy';
import { kubernetesObjects, ofType, type RecordedResource } from '@slipway/infra-testing';
import { chartPodsOutsideTheRender } from '../src/render/chart-pods.ts';
import {
  certManagerChart,
  envoyGatewayChart,
  envoyGatewayCrdsChart,
  veleroChart,
} from '../src/versions.ts';
import {
  clusterIssuerType,
  deployPlatform,
  everythingOn,
  gatewayType,
  metadataOf,
  namespaceType,
  networkPolicyType,
  releaseType,
  scheduleType,
} from './deploy-platform.ts';

const namespaceNamed = (resources: RecordedResource[], name: string) =>
  ofType(resources, namespaceType).find((ns) => metadataOf(ns).name === name);
const policiesIn = (resources: RecordedResource[], namespace: string) =>
  ofType(resources, networkPolicyType).filter((p) => metadataOf(p).namespace === namespace);
const releaseNamed = (resources: RecordedResource[], name: string) =>
  ofType(resources, releaseType).find((release) => release.inputs.name === name);

describe('Platform with every optional part on', () => {
  let resources: RecordedResource[];

  beforeAll(async () => {
    resources = await deployPlatform(everythingOn);
  });

  it.each(['slipway-dev', 'slipway-staging'])(
    'labels %s restricted for enforce, audit and warn, each with a pinned version',
    (name) => {
      const labels = metadataOf(namespaceNamed(resources, name)).labels;
      for (const mode of ['enforce', 'audit', 'warn']) {
        expect(labels?.[`pod-security.kubernetes.io/${mode}`]).toBe('restricted');
        expect(labels?.[`pod-security.kubernetes.io/${mode}-version`]).toBe('v1.35');
      }
    },
  );

  it.each(['slipway-dev', 'slipway-staging'])(
    'denies all ingress and egress in %s unless another policy allows it',
    (namespace) => {
      const denyAll = policiesIn(resources, namespace).find(
        (policy) => metadataOf(policy).name === 'default-deny-all',
      );
      expect(denyAll?.inputs.spec).toEqual({
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
      });
    },
  );

  it('installs Envoy Gateway, its CRDs, cert-manager and Velero, each at its pinned chart version', () => {
    const pinned = {
      'envoy-gateway-crds': envoyGatewayCrdsChart,
      'envoy-gateway': envoyGatewayChart,
      'cert-manager': certManagerChart,
      velero: veleroChart,
    };
    for (const [name, chart] of Object.entries(pinned)) {
      expect(releaseNamed(resources, name)?.inputs.version).toBe(chart.version);
      expect(chart.version).toMatch(/^v?\d+\.\d+\.\d+$/);
    }
  });

  it("creates a Let's Encrypt ClusterIssuer with the configured email, solving DNS-01 in the cloud's DNS", () => {
    const [issuer] = ofType(resources, clusterIssuerType);
    expect(issuer?.inputs.spec).toEqual({
      acme: {
        server: 'https://acme-v02.api.letsencrypt.org/directory',
        email: 'platform@example.com',
        privateKeySecretRef: { name: 'letsencrypt-account-key' },
        solvers: [{ dns01: { route53: { region: 'eu-west-1' } } }],
      },
    });
  });

  it("turns on cert-manager's Gateway API support and binds its ServiceAccount to the DNS identity", () => {
    expect(releaseNamed(resources, 'cert-manager')?.inputs.values).toMatchObject({
      config: { kind: 'ControllerConfiguration', gatewayAPI: { enabled: true } },
      serviceAccount: {
        annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/cert-manager' },
      },
    });
  });

  it.each(everythingOn.namespaces)(
    'opens nothing in %s beyond default-deny: no ACME solver pod needs reaching with DNS-01',
    (namespace) => {
      expect(policiesIn(resources, namespace).map((p) => metadataOf(p).name)).toEqual([
        'default-deny-all',
      ]);
    },
  );

  it('backs up the environment namespaces hourly by default, with volume snapshots', () => {
    const schedules = ofType(resources, scheduleType);
    expect(schedules).toHaveLength(1);
    expect(schedules[0]?.inputs.spec).toMatchObject({
      schedule: '0 * * * *',
      useOwnerReferencesInBackup: false,
      template: {
        includedNamespaces: ['slipway-dev', 'slipway-staging'],
        snapshotVolumes: true,
        ttl: '720h0m0s',
      },
    });
  });

  it("stores backups in the configured cloud bucket with the cloud's plugin", () => {
    expect(releaseNamed(resources, 'velero')?.inputs.values).toMatchObject({
      configuration: {
        backupStorageLocation: [
          { provider: 'aws', bucket: 'acme-velero', config: { region: 'eu-west-1' } },
        ],
        volumeSnapshotLocation: [{ provider: 'aws', config: { region: 'eu-west-1' } }],
      },
      initContainers: [{ image: expect.stringMatching(/^velero\/velero-plugin-for-aws:v\d+/) }],
    });
  });

  it('gives Velero cloud access through workload identity, never a key in a Secret', () => {
    expect(releaseNamed(resources, 'velero')?.inputs.values).toMatchObject({
      credentials: { useSecret: false },
      serviceAccount: {
        server: { annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/velero' } },
      },
    });
  });

  it('enforces restricted Pod Security in the add-ons namespaces too', () => {
    for (const name of ['envoy-gateway-system', 'cert-manager', 'velero']) {
      expect(metadataOf(namespaceNamed(resources, name)).labels).toMatchObject({
        'pod-security.kubernetes.io/enforce': 'restricted',
      });
    }
  });

  it('produces only objects that pass their schema (core or CRD) and the Slipway standards', () => {
    const objects = kubernetesObjects(resources);
    expect(objects.length).toBeGreaterThan(10);
    for (const object of objects) {
      expect(hasKubernetesSchema(object as KubernetesObject), JSON.stringify(object)).toBe(true);
    }
    // The charts are not expanded: their pods stand in, with the labels the charts give them.
    const violations = checkObjectSet(objects, {
      podsOutsideTheSet: chartPodsOutsideTheRender,
    });
    expect(formatViolations(violations)).toBe('');
  });

  it('uses no Ingress, IngressClass or ingress-nginx anywhere', () => {
    const everything = JSON.stringify(resources);
    expect(everything).not.toMatch(/ingress-nginx|IngressClass|"kind":"Ingress"|nginx/);
  });
});

describe('Platform with optional parts switched off', () => {
  it("installs no gateway, cert-manager or Velero when all are off, and never reads the API server's endpoints", async () => {
    const resources = await deployPlatform({
      namespaces: ['slipway-dev'],
      apiServer: () => {
        throw new Error('the API server was read, though no add-on namespace needs it');
      },
    });
    expect(ofType(resources, releaseType)).toEqual([]);
    expect(ofType(resources, clusterIssuerType)).toEqual([]);
    expect(ofType(resources, scheduleType)).toEqual([]);
    expect(ofType(resources, gatewayType)).toEqual([]);
    expect(ofType(resources, namespaceType).map((ns) => metadataOf(ns).name)).toEqual([
      'slipway-dev',
    ]);
    expect(policiesIn(resources, 'slipway-dev').map((p) => metadataOf(p).name)).toEqual([
      'default-deny-all',
    ]);
  });

  it.each([
    ['gateway', ['envoy-gateway-crds', 'envoy-gateway'], 'envoy-gateway-system', gatewayType],
    ['certManager', ['cert-manager'], 'cert-manager', clusterIssuerType],
    ['backups', ['velero'], 'velero', scheduleType],
  ] as const)('leaves out only %s when it alone is off', async (part, gone, namespace, kind) => {
    const resources = await deployPlatform({ ...everythingOn, [part]: undefined });
    const releases = ofType(resources, releaseType).map((r) => r.inputs.name);
    for (const release of gone) expect(releases).not.toContain(release);
    expect(releases).toHaveLength(4 - gone.length);
    expect(namespaceNamed(resources, namespace)).toBeUndefined();
    expect(ofType(resources, kind)).toEqual([]);
  });
});

describe('Platform with backup settings from config', () => {
  it('uses the configured schedule, retention and namespaces', async () => {
    const resources = await deployPlatform({
      ...everythingOn,
      backups: {
        provider: 'gcp',
        bucket: 'acme-velero',
        schedule: '*/15 * * * *',
        ttl: '168h0m0s',
        includedNamespaces: ['slipway-dev'],
      },
    });
    expect(ofType(resources, scheduleType)[0]?.inputs.spec).toMatchObject({
      schedule: '*/15 * * * *',
      template: { includedNamespaces: ['slipway-dev'], ttl: '168h0m0s' },
    });
  });

  it('can enforce baseline in the add-ons namespaces while still warning at restricted', async () => {
    const resources = await deployPlatform({ ...everythingOn, addonPodSecurityLevel: 'baseline' });
    expect(metadataOf(namespaceNamed(resources, 'velero')).labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/warn': 'restricted',
    });
    expect(metadataOf(namespaceNamed(resources, 'slipway-dev')).labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
  });
});
