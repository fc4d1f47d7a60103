import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defaultProductName,
  type PulumiProgram,
  previewNamespace,
  productNameMaxLength,
  productNameProblem,
  productNames,
  productNamesOf,
} from './product-names.ts';

// Names of their own, not the repository's: `npm run init` rewrites the product name in this
// file too, and the test must mean the same afterwards.
describe('productNamesOf', () => {
  it('makes every company-facing name from one name', () => {
    expect(productNamesOf('zz-platform')).toEqual({
      name: 'zz-platform',
      namespacePrefix: 'zz-platform',
      partOf: 'zz-platform',
      secretMountRoot: '/var/run/secrets/zz-platform',
      pulumiProjectPrefix: 'zz-platform',
      typeTokenPrefix: 'zz-platform',
      ciVariablePrefix: 'ZZ_PLATFORM_',
      snakeCase: 'zz_platform',
      camelCase: 'zzPlatform',
    });
  });

  it('is what this repository runs with', () => {
    expect(productNames).toEqual(productNamesOf(productNames.name));
  });

  it.each(['Acme', 'acme_corp', '-acme', '1acme', 'a'.repeat(productNameMaxLength + 1), ''])(
    'refuses the name %j',
    (name) => {
      expect(productNameProblem(name)).toMatch(/is not usable/);
      expect(() => productNamesOf(name)).toThrow(/is not usable/);
    },
  );
});

describe('defaultProductName', () => {
  it.each([
    ['@acme', 'acme'],
    ['@zz-platform', 'zz-platform'],
    ['@acme.io', 'acme-io'],
    ['@a1.b_c', 'a1-b-c'],
    ['@9lives', 'lives'],
    ['@northwind-traders-platform-engineering', 'northwind-traders'],
    ['@supercalifragilisticexpialidocious', 'supercalifragilistic'],
  ])('derives a usable name from %s', (scope, name) => {
    expect(defaultProductName(scope)).toBe(name);
    expect(productNameProblem(name)).toBeUndefined();
  });
});

describe('PulumiProgram', () => {
  it("is the platform, the services and each cloud's cluster program", () => {
    expectTypeOf<PulumiProgram>().toEqualTypeOf<
      'platform' | 'services' | 'cluster-eks' | 'cluster-gke' | 'cluster-aks'
    >();
  });
});

describe('previewNamespace', () => {
  it("names a pull request's preview namespace after the product", () => {
    expect(previewNamespace(42)).toBe(`${productNames.namespacePrefix}-pr-42`);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %s, which numbers no pull request', (n) => {
    expect(() => previewNamespace(n)).toThrow(/not a positive integer/);
  });
});
