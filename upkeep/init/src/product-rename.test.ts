import { describe, expect, it } from 'vitest';
import { type ProductNames, productNamesOf } from '@slipway/platform-contract';
import { renameProduct } from './product-rename.ts';

// Product names of their own (see platform-contract's product-names.test.ts).
const from = productNamesOf('tmpl');
const to = productNamesOf('zz-platform');

describe('renameProduct', () => {
  // snakeCase and camelCase need a neighbour to tell them from the name: see the table below.
  const keys = (Object.keys(from) as (keyof ProductNames)[]).filter(
    (key) => key !== 'snakeCase' && key !== 'camelCase',
  );
  it.each(keys)('turns the template name %s into the fork one', (key) => {
    expect(renameProduct(from[key], from, to)).toBe(to[key]);
  });

  it.each([
    ['namespace: tmpl-dev', 'namespace: zz-platform-dev'],
    ['tmpl-services:namespace: tmpl-prod', 'zz-platform-services:namespace: zz-platform-prod'],
    ['organization/tmpl-platform/dev', 'organization/zz-platform-platform/dev'],
    ["super('tmpl:platform:Platform', name)", "super('zz-platform:platform:Platform', name)"],
    ['vars.TMPL_CLOUD', 'vars.ZZ_PLATFORM_CLOUD'],
    ['POSTGRES_DB: tmpl_test', 'POSTGRES_DB: zz_platform_test'],
    ['tmpl_node_major() {', 'zz_platform_node_major() {'],
    ['const tmplCreateRequire = 1', 'const zzPlatformCreateRequire = 1'],
    ['Tmpl is the template', 'Tmpl is the template'],
    ['@tmpl/config and @tmpl-labs/x', '@tmpl/config and @tmpl-labs/x'],
    ["const marker = '@@tmpl-dev:'", "const marker = '@@zz-platform-dev:'"],
  ])('rewrites %j', (text, renamed) => {
    expect(renameProduct(text, from, to)).toBe(renamed);
  });

  it('changes nothing when the name stays', () => {
    expect(renameProduct('tmpl-dev', from, from)).toBe('tmpl-dev');
  });
});
