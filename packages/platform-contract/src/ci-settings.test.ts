import { describe, expect, it } from 'vitest';
import { cloudLoginVariables, environmentSecrets, repositoryVariablesOf } from './ci-settings.ts';
import { productNamesOf } from './product-names.ts';

describe('the CI settings', () => {
  it('puts the cloud override under the product prefix', () => {
    expect(repositoryVariablesOf(productNamesOf('zz-platform'))).toEqual({
      pulumiBackend: 'PULUMI_BACKEND_URL',
      registry: 'IMAGE_REGISTRY',
      cloud: 'ZZ_PLATFORM_CLOUD',
    });
  });

  it('keeps production secrets in production only', () => {
    const production = environmentSecrets.filter((s) => s.name.endsWith('_PRODUCTION'));
    expect(production.map((s) => s.environments)).toEqual([['production']]);
  });

  it('needs no login variables without a cloud', () => {
    expect(cloudLoginVariables('none')).toEqual([]);
  });
});
