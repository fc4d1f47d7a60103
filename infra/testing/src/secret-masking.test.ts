import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { installMocks, named, settle } from './pulumi-mocks.ts';
import { kubernetesObjects } from './rendered-object.ts';
import { isSecretMarker, maskedSecret, maskSecrets } from './secret-masking.ts';

/** Any resource type, registered as a program would. */
class Resource extends pulumi.CustomResource {
  constructor(type: string, name: string, props: pulumi.Inputs) {
    super(type, name, props);
  }
}

/** A value as the mocks receive one Pulumi marked secret. */
const marked = (value: unknown) => ({
  [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
  value,
});

describe('maskSecrets', () => {
  it('masks a secret, keeping the keys of a secret object and every plain value', () => {
    expect(maskSecrets({ data: marked({ token: 'sentinel-4711' }), plain: 'x' })).toEqual({
      data: { token: maskedSecret },
      plain: 'x',
    });
  });

  it('masks every leaf of a secret, in arrays and nested secrets too', () => {
    expect(maskSecrets([marked(['a', { b: marked('c') }, null]), 1])).toEqual([
      [maskedSecret, { b: maskedSecret }, maskedSecret],
      1,
    ]);
  });

  it('leaves a value without secrets as it is', () => {
    const plain = { a: [1, 'two', null, { b: true }] };
    expect(maskSecrets(plain)).toEqual(plain);
  });
});

describe('kubernetesObjects', () => {
  it('gives the Kubernetes objects a program registered, secrets masked', async () => {
    const resources = await installMocks({ project: 'test' });
    new Resource('kubernetes:core/v1:Secret', 'token', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'token' },
      stringData: pulumi.secret({ TOKEN: 'sentinel-4711' }),
    });
    new Resource('kubernetes:helm.sh/v3:Release', 'chart', { chart: 'x' });
    await settle();
    expect(
      isSecretMarker(named(resources, 'kubernetes:core/v1:Secret', 'token').inputs.stringData),
    ).toBe(true);
    expect(kubernetesObjects(resources)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'token' },
        stringData: { TOKEN: maskedSecret },
      },
    ]);
  });
});
