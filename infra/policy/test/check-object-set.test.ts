import { describe, expect, it } from 'vitest';
import {
  checkNamespace,
  checkObjectSet,
  formatViolations,
  type KubernetesObject,
} from '../src/index.ts';
import { compliant, compliantObjects } from './compliant-objects.ts';
import { setPath } from './set-path.ts';

function replace(
  kind: string,
  change: (obj: KubernetesObject & Record<string, unknown>) => void,
): KubernetesObject[] {
  return compliantObjects().map((o) => {
    if (o.kind !== kind) return o;
    const copy = compliant(kind);
    change(copy);
    return copy;
  });
}

function rulesOf(objects: readonly KubernetesObject[]): string[] {
  return checkObjectSet(objects).map((v) => `${v.rule} ${v.object}${v.path}`);
}

describe('checkObjectSet', () => {
  it('accepts a compliant workload set', () => {
    const violations = checkObjectSet(compliantObjects());
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('refuses the default namespace', () => {
    const objects = replace('Service', (s) => setPath(s, 'metadata.namespace', 'default'));
    expect(rulesOf(objects)).toContain(
      'standards/namespace Service/default/orders/metadata/namespace',
    );
  });

  it('requires the service account to exist with token automount off', () => {
    const objects = compliantObjects().filter((o) => o.kind !== 'ServiceAccount');
    expect(rulesOf(objects)).toContain(
      'standards/service-account Deployment/slipway-dev/orders/spec/template/spec/serviceAccountName',
    );
    const mounted = replace('Deployment', (d) =>
      setPath(d, 'spec.template.spec.automountServiceAccountToken', true),
    );
    expect(rulesOf(mounted)).toContain(
      'standards/service-account Deployment/slipway-dev/orders/spec/template/spec/automountServiceAccountToken',
    );
  });

  it('refuses a replicas field on a Deployment its HPA scales', () => {
    const objects = replace('Deployment', (d) => setPath(d, 'spec.replicas', 3));
    expect(rulesOf(objects)).toContain('standards/hpa Deployment/slipway-dev/orders/spec/replicas');
  });

  it('requires an HPA with min ≥ 2 and max above min for every Deployment', () => {
    expect(
      rulesOf(compliantObjects().filter((o) => o.kind !== 'HorizontalPodAutoscaler')),
    ).toContain('standards/hpa Deployment/slipway-dev/orders');
    const objects = replace('HorizontalPodAutoscaler', (h) =>
      setPath(setPath(h, 'spec.minReplicas', 1), 'spec.maxReplicas', 1),
    );
    expect(rulesOf(objects)).toEqual(
      expect.arrayContaining([
        'standards/hpa HorizontalPodAutoscaler/slipway-dev/orders/spec/minReplicas',
        'standards/hpa HorizontalPodAutoscaler/slipway-dev/orders/spec/maxReplicas',
      ]),
    );
  });

  it('refuses a PDB that could block a drain', () => {
    const objects = replace('PodDisruptionBudget', (p) => {
      setPath(p, 'spec.maxUnavailable', undefined);
      setPath(p, 'spec.minAvailable', 2);
      setPath(p, 'spec.unhealthyPodEvictionPolicy', 'IfHealthyBudget');
    });
    expect(rulesOf(objects)).toEqual(
      expect.arrayContaining([
        'standards/pdb PodDisruptionBudget/slipway-dev/orders/spec/minAvailable',
        'standards/pdb PodDisruptionBudget/slipway-dev/orders/spec/unhealthyPodEvictionPolicy',
      ]),
    );
  });

  it('refuses a Service whose named targetPort the pods do not have', () => {
    const objects = replace('Service', (s) => setPath(s, 'spec.ports.0.targetPort', 'web'));
    expect(rulesOf(objects)).toContain(
      'standards/service Service/slipway-dev/orders/spec/ports/0/targetPort',
    );
  });

  it('refuses a Service or NetworkPolicy that selects no pods', () => {
    const service = replace('Service', (s) => setPath(s, 'spec.selector', { app: 'nothing' }));
    expect(rulesOf(service)).toContain(
      'standards/service Service/slipway-dev/orders/spec/selector',
    );
    const policy = replace('NetworkPolicy', (n) =>
      setPath(n, 'spec.podSelector', { matchLabels: { app: 'nothing' } }),
    );
    expect(rulesOf(policy)).toContain(
      'standards/network-policy NetworkPolicy/slipway-dev/orders/spec/podSelector',
    );
  });

  it("accepts a NetworkPolicy selecting a chart's pods only when they are named as outside the set", () => {
    const policy = replace('NetworkPolicy', (n) =>
      setPath(n, 'spec.podSelector', { matchLabels: { app: 'chart' } }),
    );
    const selectsNothing = (options: Parameters<typeof checkObjectSet>[1]) =>
      checkObjectSet(policy, options).filter((v) => v.rule === 'standards/network-policy');
    expect(selectsNothing({})).toHaveLength(1);
    expect(
      selectsNothing({ podsOutsideTheSet: [{ namespace: 'other', labels: { app: 'chart' } }] }),
    ).toHaveLength(1);
    expect(
      selectsNothing({
        podsOutsideTheSet: [{ namespace: 'slipway-dev', labels: { app: 'chart' } }],
      }),
    ).toEqual([]);
  });

  it('requires TLS for every Ingress host', () => {
    const ingress: KubernetesObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: compliant('Service').metadata ?? {},
      spec: { rules: [{ host: 'orders.example.com' }], tls: [] },
    };
    expect(rulesOf([...compliantObjects(), ingress])).toContain(
      'standards/ingress-tls Ingress/slipway-dev/orders/spec/rules/0/host',
    );
  });

  it('requires the recommended labels unless told otherwise', () => {
    const objects = replace('Service', (s) => setPath(s, 'metadata.labels', {}));
    expect(rulesOf(objects)).toContain(
      'standards/labels Service/slipway-dev/orders/metadata/labels/app.kubernetes.io/part-of',
    );
    expect(checkObjectSet(objects, { requireStandardLabels: false })).toEqual([]);
  });
});

describe('checkNamespace', () => {
  it('requires restricted Pod Security labels with a pinned version', () => {
    const namespace = setPath(compliant('Namespace'), 'metadata.labels', {
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/enforce-version': 'latest',
    });
    expect(checkNamespace(namespace).map((v) => v.path)).toEqual([
      '/metadata/labels/pod-security.kubernetes.io/enforce-version',
      '/metadata/labels/pod-security.kubernetes.io/audit',
      '/metadata/labels/pod-security.kubernetes.io/audit-version',
      '/metadata/labels/pod-security.kubernetes.io/warn',
      '/metadata/labels/pod-security.kubernetes.io/warn-version',
    ]);
  });
});
