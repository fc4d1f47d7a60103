import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type LabelSelectorLike, matchesSelector } from '@slipway/infra-policy';
import { imageSignerIdentity, templatePlatformFile } from '@slipway/platform-contract';
import { policyControllerNamespace } from '../src/image-admission.ts';
import {
  environmentNamespaceSelector,
  imageAdmissionPolicyName,
} from '../src/image-admission-specs.ts';
import { readAdmissionConfig } from '../src/read-admission-config.ts';
import { type RenderedPlatform, renderPlatform } from '../src/render/index.ts';

const devConfig = (
  parse(readFileSync(new URL('../Pulumi.dev.yaml', import.meta.url), 'utf8')) as {
    config: Record<string, unknown>;
  }
).config;
// renderPlatform takes keys without the project's prefix too (the product name stays out).
const admission = (settings: object) => ({ ...devConfig, admission: settings });
const ofKind = (rendered: RenderedPlatform, kind: string) =>
  rendered.objects.filter((object) => object.kind === kind);
/**
 * policy-controller's own `webhook.namespaceSelector` (sigstore/helm-charts,
 * charts/policy-controller/values.yaml): Helm deep-merges our values into it, so a lone
 * `matchLabels` of ours leaves this expression in force beside it.
 */
const chartDefaultSelector: LabelSelectorLike = {
  matchExpressions: [{ key: 'policy.sigstore.dev/include', operator: 'In', values: ['true'] }],
};
const specOf = (object: RenderedPlatform['objects'][number] | undefined) =>
  (object as { spec?: Record<string, unknown> } | undefined)?.spec;

describe('image admission, rendered for the dev stack', () => {
  let rendered: RenderedPlatform;
  beforeAll(async () => {
    rendered = await renderPlatform(
      'dev',
      admission({ registry: 'ghcr.io/acme', repository: 'acme/platform' }),
    );
  });

  it('binds the image policy to the environment namespaces and no add-on namespace', () => {
    const [binding] = ofKind(rendered, 'ValidatingAdmissionPolicyBinding');
    const { matchResources } = specOf(binding) as {
      matchResources: { namespaceSelector: LabelSelectorLike };
    };
    const selector = matchResources.namespaceSelector;
    expect(specOf(binding)).toMatchObject({
      policyName: imageAdmissionPolicyName,
      validationActions: ['Deny'],
    });
    const namespaces = ofKind(rendered, 'Namespace');
    const selected = namespaces.filter((ns) => matchesSelector(selector, ns.metadata.labels ?? {}));
    expect(selected.map((ns) => ns.metadata.name)).toEqual(rendered.outputs.namespaces);
  });

  it('installs policy-controller at the pinned chart, failing closed, for the environment namespaces only', () => {
    const release = rendered.releases.find((r) => r.name === 'policy-controller');
    expect(release?.namespace).toBe(policyControllerNamespace);
    expect(release?.values).toMatchObject({
      webhook: { failurePolicy: 'Fail', namespaceSelector: environmentNamespaceSelector },
    });
  });

  it("opts exactly the environment namespaces in to the webhook, under the chart's default selector merged with ours", () => {
    const release = rendered.releases.find((r) => r.name === 'policy-controller');
    const values = release?.values as { webhook?: { namespaceSelector?: LabelSelectorLike } };
    const ours = values.webhook?.namespaceSelector ?? {};
    // Helm merges maps key by key: both selectors' fields end up in the one the webhook gets.
    const merged: LabelSelectorLike = { ...chartDefaultSelector, ...ours };
    expect(merged.matchExpressions).toEqual(chartDefaultSelector.matchExpressions);
    const selected = ofKind(rendered, 'Namespace').filter((ns) =>
      matchesSelector(merged, ns.metadata.labels ?? {}),
    );
    expect(selected.map((ns) => ns.metadata.name)).toEqual(rendered.outputs.namespaces);
  });

  it("requires build provenance signed by the repository's deploy workflow on main, nothing else", () => {
    const [policy] = ofKind(rendered, 'ClusterImagePolicy');
    const spec = specOf(policy) as {
      images: { glob: string }[];
      authorities: {
        keyless: { identities: { issuer: string; subjectRegExp: string }[] };
        signatureFormat: string;
        attestations: { predicateType: string }[];
      }[];
    };
    expect(spec.images).toEqual([{ glob: 'ghcr.io/acme/**' }]);
    const [authority] = spec.authorities;
    expect(authority?.signatureFormat).toBe('bundle');
    expect(authority?.attestations).toEqual([
      expect.objectContaining({ predicateType: 'https://slsa.dev/provenance/v1' }),
    ]);
    const [identity] = authority?.keyless.identities ?? [];
    expect(identity?.issuer).toBe('https://token.actions.githubusercontent.com');
    const signer = new RegExp(identity?.subjectRegExp ?? '$^');
    const main = imageSignerIdentity('acme/platform');
    expect(signer.test(main)).toBe(true);
    for (const other of [
      main.replace('refs/heads/main', 'refs/heads/feature'),
      main.replace('refs/heads/main', 'refs/heads/main-copy'),
      main.replace('deploy.yml', 'preview.yml'),
      imageSignerIdentity('acme/platform-fork'),
      imageSignerIdentity('evil/platform'),
    ]) {
      expect(signer.test(other), other).toBe(false);
    }
  });

  it('gives policy-controller a default-deny namespace like every add-on', () => {
    const policies = ofKind(rendered, 'NetworkPolicy').filter(
      (policy) => policy.metadata.namespace === policyControllerNamespace,
    );
    expect(specOf(policies.find((p) => p.metadata.name === 'default-deny-all'))).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    });
  });

  it('keeps the image policy and drops the verifier with signatures: false', async () => {
    const without = await renderPlatform('dev', admission({ signatures: false }));
    expect(ofKind(without, 'ValidatingAdmissionPolicy')).toHaveLength(1);
    expect(ofKind(without, 'ClusterImagePolicy')).toEqual([]);
    expect(without.releases.map((r) => r.name)).not.toContain('policy-controller');
    expect(ofKind(without, 'Namespace').map((ns) => ns.metadata.name)).not.toContain(
      policyControllerNamespace,
    );
  });

  it('installs no admission at all with enabled: false', async () => {
    const off = await renderPlatform('dev', admission({ enabled: false }));
    expect(ofKind(off, 'ValidatingAdmissionPolicy')).toEqual([]);
    expect(ofKind(off, 'ClusterImagePolicy')).toEqual([]);
  });
});

describe('readAdmissionConfig', () => {
  const platformFile = { ...templatePlatformFile, repository: 'Acme/platform' };

  it("defaults to platform.json's registry, its <owner> the repository's owner in lowercase", () => {
    expect(readAdmissionConfig({}, { ...platformFile, registry: 'ghcr.io/<owner>' })).toEqual({
      registry: 'ghcr.io/acme',
      repository: 'Acme/platform',
      signatures: true,
    });
  });

  it.each([
    [{ registry: 'GHCR.io/Acme' }, 'admission.registry'],
    [{ repository: 'acme' }, 'admission.repository'],
    [{ signatures: 'no' }, 'admission.signatures'],
  ])('rejects %o, naming the field', (section, field) => {
    expect(() => readAdmissionConfig(section as object, platformFile)).toThrow(
      `stack config ${field}`,
    );
  });
});
