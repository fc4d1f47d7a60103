import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkObjectSet,
  checkRestrictedPodSecurity,
  formatViolations,
} from '@slipway/infra-policy';
import { ofType, type RecordedResource } from '@slipway/infra-testing';
import { acmeSolverPort } from '../src/environment-namespace.js';
import { veleroValues } from '../src/velero-values.js';
import {
  clusterIssuerType,
  deployPlatform,
  everythingOn,
  kubernetesObjects,
  metadataOf,
  namespaceType,
  networkPolicyType,
  releaseType,
  scheduleType,
} from './deploy-platform.js';

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

  it('installs ingress-nginx, cert-manager and Velero, each from an exact chart version', () => {
    for (const name of ['ingress-nginx', 'cert-manager', 'velero']) {
      expect(releaseNamed(resources, name)?.inputs.version).toMatch(/^v?\d+\.\d+\.\d+$/);
    }
  });

  it('runs the ingress controller in its own namespace', () => {
    expect(releaseNamed(resources, 'ingress-nginx')?.inputs.namespace).toBe('ingress-nginx');
    expect(namespaceNamed(resources, 'ingress-nginx')).toBeDefined();
  });

  it("creates a Let's Encrypt ClusterIssuer with the configured email, solving HTTP-01 through the nginx class", () => {
    const [issuer] = ofType(resources, clusterIssuerType);
    expect(issuer?.inputs.spec).toMatchObject({
      acme: {
        server: 'https://acme-v02.api.letsencrypt.org/directory',
        email: 'platform@example.com',
        solvers: [{ http01: { ingress: { ingressClassName: 'nginx' } } }],
      },
    });
  });

  it.each(everythingOn.namespaces ?? [])(
    'lets only the ingress controller namespace reach ACME solver pods in %s',
    (namespace) => {
      const solverPolicy = policiesIn(resources, namespace).find(
        (policy) => metadataOf(policy).name === 'allow-acme-http01-solver',
      );
      expect(solverPolicy?.inputs.spec).toMatchObject({
        podSelector: { matchLabels: { 'acme.cert-manager.io/http01-solver': 'true' } },
        ingress: [
          {
            from: [
              {
                namespaceSelector: {
                  matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' },
                },
              },
            ],
            ports: [{ protocol: 'TCP', port: acmeSolverPort }],
          },
        ],
      });
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
    for (const name of ['ingress-nginx', 'cert-manager', 'velero']) {
      expect(metadataOf(namespaceNamed(resources, name)).labels).toMatchObject({
        'pod-security.kubernetes.io/enforce': 'restricted',
      });
    }
  });

  it('produces only objects that pass the Kubernetes schema and the Slipway standards', () => {
    const objects = kubernetesObjects(resources);
    expect(objects.length).toBeGreaterThan(10);
    // Documented exception: cert-manager creates the solver pods on demand,
    // so the solver policy selects no pod until a certificate is being issued.
    const violations = checkObjectSet(objects).filter(
      (violation) =>
        !(
          violation.rule === 'standards/network-policy' &&
          violation.object.endsWith('/allow-acme-http01-solver')
        ),
    );
    expect(formatViolations(violations)).toBe('');
  });
});

describe('Platform with optional parts switched off', () => {
  it('installs no ingress controller, cert-manager or Velero when all are off', async () => {
    const resources = await deployPlatform({ namespaces: ['slipway-dev'] });
    expect(ofType(resources, releaseType)).toEqual([]);
    expect(ofType(resources, clusterIssuerType)).toEqual([]);
    expect(ofType(resources, scheduleType)).toEqual([]);
    expect(ofType(resources, namespaceType).map((ns) => metadataOf(ns).name)).toEqual([
      'slipway-dev',
    ]);
    expect(policiesIn(resources, 'slipway-dev').map((p) => metadataOf(p).name)).toEqual([
      'default-deny-all',
    ]);
  });

  it.each([
    ['ingress', 'ingress-nginx', undefined],
    ['certManager', 'cert-manager', clusterIssuerType],
    ['backups', 'velero', scheduleType],
  ] as const)('leaves out only %s when it alone is off', async (part, release, customResource) => {
    const resources = await deployPlatform({ ...everythingOn, [part]: undefined });
    const releases = ofType(resources, releaseType).map((r) => r.inputs.name);
    expect(releases).not.toContain(release);
    expect(releases).toHaveLength(2);
    expect(namespaceNamed(resources, release)).toBeUndefined();
    if (customResource) expect(ofType(resources, customResource)).toEqual([]);
  });

  it('opens no path to ACME solver pods without both ingress and cert-manager', async () => {
    const resources = await deployPlatform({ ...everythingOn, ingress: undefined });
    expect(policiesIn(resources, 'slipway-dev').map((p) => metadataOf(p).name)).toEqual([
      'default-deny-all',
    ]);
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

describe('veleroValues', () => {
  it.each(['aws', 'gcp', 'azure'] as const)(
    'configures %s Velero pods that pass the restricted Pod Security Standard',
    (provider) => {
      const values = veleroValues({
        provider,
        bucket: 'b',
        locationConfig: {},
        snapshotVolumes: true,
        serviceAccountAnnotations: {},
        podLabels: {},
      }) as {
        podSecurityContext: object;
        containerSecurityContext: object;
        initContainers: { name: string; image: string; securityContext: object }[];
      };
      const pod = {
        securityContext: values.podSecurityContext,
        initContainers: values.initContainers.map(({ name, image, securityContext }) => ({
          name,
          image,
          securityContext,
        })),
        containers: [
          {
            name: 'velero',
            image: 'velero/velero:v1.18.1',
            securityContext: values.containerSecurityContext,
          },
        ],
      };
      expect(formatViolations(checkRestrictedPodSecurity(pod))).toBe('');
    },
  );

  it('turns volume snapshots off entirely when asked', () => {
    expect(
      veleroValues({
        provider: 'aws',
        bucket: 'b',
        locationConfig: {},
        snapshotVolumes: false,
        serviceAccountAnnotations: {},
        podLabels: {},
      }),
    ).toMatchObject({ snapshotsEnabled: false, configuration: { volumeSnapshotLocation: [] } });
  });
});
