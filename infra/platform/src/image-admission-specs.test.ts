import { evaluate } from '@marcbachmann/cel-js';
import { describe, expect, it } from 'vitest';
import { checkAdmittedImage } from '@slipway/infra-policy/image-admission-rule';
import { imageAdmissionPolicySpec } from './image-admission-specs.ts';

const registry = 'ghcr.io/acme';
const digest = `sha256:${'c0ffee00'.repeat(8)}`;
const pinned = `ghcr.io/acme/orders:${'3f78a1c2'.repeat(5)}@${digest}`;
const spec = imageAdmissionPolicySpec(registry);

interface NamedExpression {
  readonly name: string;
  readonly expression: string;
}

/** Evaluates the policy as the API server does: its variables in order, then its validation. */
function admits(object: unknown): boolean {
  const variables: Record<string, unknown> = {};
  for (const { name, expression } of spec.variables as NamedExpression[]) {
    variables[name] = evaluate(expression, { object, variables });
  }
  const [validation] = spec.validations as { expression: string }[];
  return evaluate(validation?.expression ?? 'false', { object, variables }) === true;
}

interface ResourceRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly operations: readonly string[];
}

/** Whether the policy's rules match a request, as the API server reads `resource/subresource`. */
function matchesRequest(group: string, resource: string, operation: string): boolean {
  const rules = (spec.matchConstraints as { resourceRules: ResourceRule[] }).resourceRules;
  return rules.some(
    (rule) =>
      rule.apiGroups.includes(group) &&
      rule.resources.includes(resource) &&
      rule.operations.includes(operation),
  );
}

const podSpec = (image: string, init?: string) => ({
  containers: [
    { name: 'app', image: pinned },
    { name: 'sidecar', image },
  ],
  ...(init ? { initContainers: [{ name: 'init', image: init }] } : {}),
});
const pod = (image: string, init?: string) => ({ kind: 'Pod', spec: podSpec(image, init) });
const deployment = (image: string) => ({
  kind: 'Deployment',
  spec: { template: { spec: podSpec(image) } },
});

const images: readonly string[] = [
  pinned,
  `ghcr.io/acme/orders@${digest}`,
  'ghcr.io/acme/orders:3f78a1c2',
  'ghcr.io/acme/orders:latest',
  `docker.io/library/nginx@${digest}`,
  `ghcr.io/acme-evil/orders@${digest}`,
];

describe('imageAdmissionPolicySpec', () => {
  it.each(images)("decides %s in a pod as the tests' check does", (image) => {
    expect(admits(pod(image))).toBe(checkAdmittedImage(image, registry) === undefined);
  });

  it.each(images)("decides %s in a Deployment's pod template the same", (image) => {
    expect(admits(deployment(image))).toBe(checkAdmittedImage(image, registry) === undefined);
  });

  it('checks init containers too', () => {
    expect(admits(pod(pinned, 'ghcr.io/acme/migrate:1.0.0'))).toBe(false);
    expect(admits(pod(pinned, pinned))).toBe(true);
  });

  it('matches kubectl debug: an UPDATE of the pods/ephemeralcontainers subresource', () => {
    expect(matchesRequest('', 'pods/ephemeralcontainers', 'UPDATE')).toBe(true);
    expect(matchesRequest('', 'pods', 'CREATE')).toBe(true);
  });

  it.each(images)(
    'decides %s as an ephemeral container (the subresource sends the whole Pod)',
    (image) => {
      const debugged = {
        kind: 'Pod',
        spec: { ...podSpec(pinned), ephemeralContainers: [{ name: 'debugger', image }] },
      };
      expect(admits(debugged)).toBe(checkAdmittedImage(image, registry) === undefined);
    },
  );

  it('refuses, not warns, and fails closed', () => {
    expect(spec.failurePolicy).toBe('Fail');
    expect(spec.validations).toEqual([expect.objectContaining({ reason: 'Forbidden' })]);
  });
});
