import { describe, expect, it } from 'vitest';
import { checkImageReference, checkWorkloadStandards } from '../src/index.ts';
import { compliant } from './compliant-objects.ts';
import { setPath } from './set-path.ts';

const pod = 'spec.template.spec';
const container = `${pod}.containers.0`;

describe('checkWorkloadStandards', () => {
  it('accepts a compliant Deployment', () => {
    expect(checkWorkloadStandards(compliant('Deployment'))).toEqual([]);
  });

  it.each([
    ['standards/run-as-user', `${pod}.securityContext.runAsUser`, 1000],
    ['standards/run-as-user', `${pod}.securityContext.runAsGroup`, undefined],
    ['standards/read-only-root', `${container}.securityContext.readOnlyRootFilesystem`, false],
    ['standards/writable-tmp', `${container}.volumeMounts`, []],
    ['standards/service-account', `${pod}.serviceAccountName`, 'default'],
    ['standards/image', `${container}.image`, 'ghcr.io/acme/orders:latest'],
    ['standards/image', `${container}.image`, 'ghcr.io/acme/orders'],
    ['standards/resources', `${container}.resources.requests.ephemeral-storage`, undefined],
    ['standards/resources', `${container}.resources.limits.memory`, undefined],
    ['standards/probes', `${container}.startupProbe`, undefined],
    [
      'standards/probes',
      `${container}.readinessProbe`,
      { httpGet: { path: '/livez', port: 'http' }, periodSeconds: 10 },
    ],
    ['standards/probes', `${container}.livenessProbe.httpGet.port`, 3001],
    ['standards/pre-stop', `${container}.lifecycle`, undefined],
    ['standards/pre-stop', `${pod}.terminationGracePeriodSeconds`, 5],
    ['standards/rolling-update', 'spec.strategy.rollingUpdate.maxUnavailable', 1],
    ['standards/rolling-update', 'spec.strategy.rollingUpdate.maxSurge', 0],
    ['standards/topology-spread', `${pod}.topologySpreadConstraints`, []],
    [
      'standards/node-taints-policy',
      `${pod}.topologySpreadConstraints.0.nodeTaintsPolicy`,
      undefined,
    ],
    [
      'standards/node-taints-policy',
      `${pod}.topologySpreadConstraints.1.nodeTaintsPolicy`,
      'Ignore',
    ],
    ['standards/min-domains', `${pod}.topologySpreadConstraints.0.minDomains`, 3],
    ['standards/empty-dir-size', `${pod}.volumes.0.emptyDir.sizeLimit`, '256Mi'],
    ['standards/empty-dir-size', `${pod}.volumes.0.emptyDir.sizeLimit`, '1Gi'],
    ['standards/empty-dir-size', `${pod}.volumes.0.emptyDir.sizeLimit`, undefined],
    [
      'standards/secret-env',
      `${container}.env`,
      [{ name: 'DATABASE_URL', value: 'postgres://u:p@db' }],
    ],
  ])('reports %s when %s is %j', (rule, path, value) => {
    const violations = checkWorkloadStandards(setPath(compliant('Deployment'), path, value));
    expect(violations.map((v) => v.rule)).toContain(rule);
  });

  it('takes minDomains with DoNotSchedule', () => {
    const strict = setPath(
      setPath(compliant('Deployment'), `${pod}.topologySpreadConstraints.0.minDomains`, 3),
      `${pod}.topologySpreadConstraints.0.whenUnsatisfiable`,
      'DoNotSchedule',
    );
    expect(checkWorkloadStandards(strict)).toEqual([]);
  });

  it('reports an emptyDir as large as the limit once, at its own sizeLimit', () => {
    const violations = checkWorkloadStandards(
      setPath(compliant('Deployment'), `${pod}.volumes.0.emptyDir.sizeLimit`, '256Mi'),
    );
    expect(violations).toEqual([
      expect.objectContaining({
        rule: 'standards/empty-dir-size',
        path: '/spec/template/spec/volumes/0/emptyDir/sizeLimit',
      }),
    ]);
  });

  it('reports emptyDirs below the limit one by one but not together, once, at the volumes', () => {
    const volumes = [
      { name: 'tmp', emptyDir: { sizeLimit: '128Mi' } },
      { name: 'cache', emptyDir: { sizeLimit: '128Mi' } },
      { name: 'shm', emptyDir: { medium: 'Memory' } },
    ];
    const violations = checkWorkloadStandards(
      setPath(compliant('Deployment'), `${pod}.volumes`, volumes),
    );
    expect(violations).toEqual([
      expect.objectContaining({
        rule: 'standards/empty-dir-size',
        path: '/spec/template/spec/volumes',
        message: expect.stringContaining('together (268435456 bytes)'),
      }),
    ]);
  });

  it('requires a CPU limit only when asked to', () => {
    expect(checkWorkloadStandards(compliant('Deployment'), { requireCpuLimit: true })).toEqual([
      expect.objectContaining({
        rule: 'standards/resources',
        path: '/spec/template/spec/containers/0/resources/limits/cpu',
      }),
    ]);
  });
});

describe('checkImageReference', () => {
  it.each([
    ['ghcr.io/acme/orders:1a2b3c4', undefined],
    ['localhost:5000/orders:v1', undefined],
    [`ghcr.io/acme/orders@sha256:${'a'.repeat(64)}`, undefined],
    [`ghcr.io/acme/orders:v1@sha256:${'b'.repeat(64)}`, undefined],
    ['ghcr.io/acme/orders:latest', expect.stringContaining('latest')],
    ['localhost:5000/orders', expect.stringContaining('no tag')],
    ['ghcr.io/acme/orders@sha256:short', expect.stringContaining('digest')],
    ['', 'is empty'],
  ])('%j → %j', (image, expected) => {
    expect(checkImageReference(image)).toEqual(expected);
  });
});
