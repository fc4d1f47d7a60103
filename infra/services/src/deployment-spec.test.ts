import { describe, expect, it } from 'vitest';
import { checkRestrictedPodSecurity, checkWorkloadStandards } from '@slipway/infra-policy';
import { type ServiceManifestInput, validateServiceManifest } from '@slipway/service-manifest';
import { deploymentSpec, runAsId } from './deployment-spec.js';
import { standardLabels } from './labels.js';
import { shutdownTiming } from './shutdown-timing.js';

const image = `ghcr.io/acme/orders:1a2b3c@sha256:${'c'.repeat(64)}`;

function specOf(fields: Partial<ServiceManifestInput> = {}, configChecksum = 'abc123') {
  const manifest = validateServiceManifest(
    { name: 'orders', port: 3001, ...fields },
    { file: 'apps/orders/service.yaml', folder: 'orders' },
  );
  const labels = standardLabels({ name: 'orders', environment: 'dev', image, public: false });
  const timing = shutdownTiming(manifest.shutdown);
  return deploymentSpec({ manifest, environment: 'dev', image, labels, configChecksum, timing });
}

// The spec is plain data: read it as such.
type Plain = ReturnType<typeof JSON.parse>;
const plain = (value: unknown): Plain => JSON.parse(JSON.stringify(value));

describe('deploymentSpec', () => {
  it('is the same data for the same inputs, so an unchanged service never rolls', () => {
    expect(JSON.stringify(specOf())).toBe(JSON.stringify(specOf()));
  });

  it('annotates the pod template with the config checksum alone, so a config change rolls the pods', () => {
    expect(plain(specOf({}, 'other')).template.metadata.annotations).toEqual({
      'checksum/config': 'other',
    });
    expect(plain(specOf({}, 'other')).template).not.toEqual(plain(specOf()).template);
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
});
