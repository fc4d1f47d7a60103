import { describe, expect, it } from 'vitest';
import {
  hasKubernetesSchema,
  kubernetesSchemaVersion,
  validateKubernetesObject,
} from '../src/index.ts';
import { compliant, compliantObjects } from './compliant-objects.ts';
import { setPath } from './set-path.ts';

const pod = 'spec.template.spec';

describe('validateKubernetesObject', () => {
  it('pins the schema to Kubernetes 1.36.0, the version kubernetes-models 5 is generated from', () => {
    expect(kubernetesSchemaVersion).toBe('1.36.0');
  });

  it.each(compliantObjects().map((o) => [o.kind, o] as const))('accepts a valid %s', (_, obj) => {
    expect(validateKubernetesObject(obj)).toEqual([]);
  });

  it('reports a field of the wrong type with its path', () => {
    const deployment = setPath(
      compliant('Deployment'),
      `${pod}.containers.0.ports.0.containerPort`,
      'http',
    );
    expect(validateKubernetesObject(deployment)).toEqual([
      expect.objectContaining({
        rule: 'schema',
        object: 'Deployment/slipway-dev/orders',
        path: '/spec/template/spec/containers/0/ports/0/containerPort',
        message: 'must be integer',
      }),
    ]);
  });

  it('reports a missing required field', () => {
    const deployment = setPath(compliant('Deployment'), 'spec.selector', undefined);
    expect(validateKubernetesObject(deployment)).toEqual([
      expect.objectContaining({
        rule: 'schema',
        path: '/spec',
        message: expect.stringContaining('selector'),
      }),
    ]);
  });

  it('reports a value outside an enum with the allowed values', () => {
    const pdb = setPath(
      compliant('PodDisruptionBudget'),
      'spec.unhealthyPodEvictionPolicy',
      'Sometimes',
    );
    const [violation] = validateKubernetesObject(pdb);
    expect(violation?.path).toBe('/spec/unhealthyPodEvictionPolicy');
    expect(violation?.message).toContain('AlwaysAllow');
  });

  it('knows the sleep preStop action of the pinned version', () => {
    const deployment = setPath(
      compliant('Deployment'),
      `${pod}.containers.0.lifecycle.preStop.sleep.seconds`,
      'five',
    );
    expect(validateKubernetesObject(deployment)).toEqual([
      expect.objectContaining({
        path: '/spec/template/spec/containers/0/lifecycle/preStop/sleep/seconds',
      }),
    ]);
  });

  it('refuses a kind the pinned version does not have', () => {
    expect(
      validateKubernetesObject({
        apiVersion: 'apps/v1',
        kind: 'Deploymint',
        metadata: { name: 'x' },
      }),
    ).toEqual([expect.objectContaining({ rule: 'schema/unknown-kind' })]);
  });

  it('refuses alpha, beta and removed API versions', () => {
    const hpa = { ...compliant('HorizontalPodAutoscaler'), apiVersion: 'autoscaling/v2beta2' };
    expect(validateKubernetesObject(hpa).map((v) => v.rule)).toContain('api/not-stable');
  });

  it('refuses a custom resource whose schema is not stored, rather than passing it', () => {
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
    expect(hasKubernetesSchema(widget)).toBe(false);
    expect(validateKubernetesObject(widget)).toEqual([
      expect.objectContaining({ rule: 'schema/unknown-kind', path: '/kind' }),
    ]);
  });

  it('refuses label values the API server would reject, such as an image digest', () => {
    const service = setPath(compliant('Service'), 'metadata.labels', {
      'app.kubernetes.io/version': 'sha256:abc',
    });
    expect(validateKubernetesObject(service)).toEqual([
      expect.objectContaining({
        rule: 'metadata/labels',
        path: '/metadata/labels/app.kubernetes.io/version',
      }),
    ]);
  });

  it('refuses something that is not a Kubernetes object', () => {
    expect(validateKubernetesObject({ kind: 'Service' })).toEqual([
      expect.objectContaining({ rule: 'schema' }),
    ]);
  });
});
