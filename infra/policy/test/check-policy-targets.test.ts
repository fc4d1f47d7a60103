import { describe, expect, it } from 'vitest';
import { checkObjectSet, validateKubernetesObject } from '../src/index.ts';
import { validCustomResource } from './custom-resources.ts';
import { setPath } from './set-path.ts';

const edgeSet = () =>
  ['Gateway', 'HTTPRoute', 'ClientTrafficPolicy', 'BackendTrafficPolicy'].map(validCustomResource);
const rules = (objects: readonly object[]) =>
  checkObjectSet(objects, { requireStandardLabels: false }).map(
    (v) => `${v.rule} ${v.object}${v.path}`,
  );

describe("Envoy Gateway's traffic policies", () => {
  it('accept policies whose targets the set holds', () => {
    expect(rules(edgeSet())).toEqual([]);
  });

  it.each([
    ['BackendTrafficPolicy', 'spec.retry.retryOn.trigger'],
    ['BackendTrafficPolicy', 'spec.rateLimit.local.rules.0.clientSelectors.0.sourceCidr'],
    ['ClientTrafficPolicy', 'spec.tls.minimumVersion'],
  ])('report a misspelled %s field against the published schema: %s', (kind, path) => {
    const policy = setPath(validCustomResource(kind), path, 'x');
    expect(validateKubernetesObject(policy).map((v) => v.path)).toContain(
      `/${path.replaceAll('.', '/')}`,
    );
  });

  it('report a TLS minimum outside the enum', () => {
    const policy = setPath(
      validCustomResource('ClientTrafficPolicy'),
      'spec.tls.minVersion',
      '1.4',
    );
    expect(validateKubernetesObject(policy)).toContainEqual(
      expect.objectContaining({ path: '/spec/tls/minVersion' }),
    );
  });

  it('refuse a policy whose target is not in the set: it would attach to nothing', () => {
    const objects = edgeSet().filter((o) => o.kind !== 'HTTPRoute');
    expect(rules(objects)).toEqual([
      'standards/policy-target BackendTrafficPolicy/slipway-dev/https-redirect/spec/targetRefs/0',
    ]);
  });

  it('refuse a policy whose target lives in another namespace', () => {
    const objects = edgeSet().map((o) =>
      o.kind === 'ClientTrafficPolicy' ? setPath(o, 'metadata.namespace', 'slipway-prod') : o,
    );
    expect(rules(objects)).toContain(
      'standards/policy-target ClientTrafficPolicy/slipway-prod/edge-https/spec/targetRefs/0',
    );
  });

  it('refuse a section the target does not have, naming those it has', () => {
    const policy = setPath(
      validCustomResource('ClientTrafficPolicy'),
      'spec.targetRefs.0.sectionName',
      'tls',
    );
    const objects = [...edgeSet().filter((o) => o.kind !== 'ClientTrafficPolicy'), policy];
    const [violation] = checkObjectSet(objects, { requireStandardLabels: false });
    expect(violation).toMatchObject({ rule: 'standards/policy-target' });
    expect(violation?.message).toContain('has only https, http');
  });

  it.each([
    ['none at all', {}],
    ['an empty targetRefs', { targetRefs: [] }],
    ['an empty targetSelectors', { targetSelectors: [] }],
  ])('refuse a policy with no target: %s', (_, targets) => {
    const policy = validCustomResource('BackendTrafficPolicy');
    const { targetRefs: _refs, ...rest } = policy.spec as Record<string, unknown>;
    const objects = [
      ...edgeSet().filter((o) => o.kind !== 'BackendTrafficPolicy'),
      { ...policy, spec: { ...rest, ...targets } },
    ];
    expect(rules(objects)).toEqual([
      'standards/policy-target BackendTrafficPolicy/slipway-dev/https-redirect/spec',
    ]);
  });

  it('accept targetSelectors as a target, and check a singular targetRef like targetRefs', () => {
    const policy = validCustomResource('BackendTrafficPolicy');
    const { targetRefs, ...rest } = policy.spec as { targetRefs: unknown[] };
    const others = edgeSet().filter((o) => o.kind !== 'BackendTrafficPolicy');
    const withSpec = (spec: object) => [...others, { ...policy, spec: { ...rest, ...spec } }];
    expect(
      rules(withSpec({ targetSelectors: [{ kind: 'HTTPRoute', matchLabels: { a: 'b' } }] })),
    ).toEqual([]);
    expect(rules(withSpec({ targetRef: targetRefs[0] }))).toEqual([]);
    expect(rules(withSpec({ targetRef: { ...(targetRefs[0] as object), name: 'gone' } }))).toEqual([
      'standards/policy-target BackendTrafficPolicy/slipway-dev/https-redirect/spec/targetRef',
    ]);
  });
});
