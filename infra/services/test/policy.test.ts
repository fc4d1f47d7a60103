import { describe, expect, it } from 'vitest';
import {
  checkObjectSet,
  checkRestrictedPodSecurity,
  formatViolations,
  hasKubernetesSchema,
  kubernetesSchemaVersion,
  validateKubernetesObject,
} from '@slipway/infra-policy';
import { syntheticCatalog } from '../src/render/synthetic-catalog.js';
import { configFor, exampleManifests, manifest, renderObjects } from './fixtures.js';

const catalogs = {
  examples: await renderObjects(exampleManifests()),
  synthetic: await (async () => {
    const { manifests, config } = syntheticCatalog(5);
    return renderObjects(manifests, config);
  })(),
  'every optional field': await (async () => {
    const m = manifest('cruncher', {
      public: true,
      autoscaling: { cpuUtilization: 50, memoryUtilization: 70 },
      resources: { limits: { cpu: '2', memory: '1Gi', ephemeralStorage: '1Gi' } },
      egress: [{ name: 'dns-over-tls', cidr: '1.1.1.1/32', ports: [853], protocol: 'TCP' }],
      secrets: ['API_TOKEN'],
    });
    const digest = `ghcr.io/acme/cruncher@sha256:${'f'.repeat(64)}`;
    return renderObjects([m], configFor([m], { images: { cruncher: digest } }, 'prod'));
  })(),
};

describe.each(Object.entries(catalogs))('the objects rendered for %s', (_, objects) => {
  it(`each validate against the Kubernetes ${kubernetesSchemaVersion} OpenAPI schema`, () => {
    for (const object of objects) {
      expect(hasKubernetesSchema(object), `${object.kind} has a schema`).toBe(true);
      const violations = validateKubernetesObject(object);
      expect(violations, formatViolations(violations)).toEqual([]);
    }
  });

  it('pass the restricted Pod Security Standard', () => {
    const violations = objects.flatMap(checkRestrictedPodSecurity);
    expect(violations, formatViolations(violations)).toEqual([]);
    expect(objects.some((o) => o.kind === 'Deployment')).toBe(true);
  });

  it('pass every workload standard, alone and as a set', () => {
    const violations = checkObjectSet(objects);
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});
