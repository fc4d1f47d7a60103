import { describe, expect, it } from 'vitest';
import { planRemoveService } from '../src/lifecycle/remove-service.ts';
import { planRenameService } from '../src/lifecycle/rename-service.ts';
import { memoryRepo } from '../src/testing/memory-repo.ts';

const manifest = (name: string, port: number, calls: string, calledBy: string) =>
  `name: ${name}\ndescription: The ${name} service.\nport: ${port}\npublic: false\ncalls: ${calls}\ncalledBy: ${calledBy}\n`;

/** billing calls orders; both have owners and an image in the dev stack. */
const tree = Object.freeze({
  'platform.json': '{}',
  'apps/orders/package.json': '{ "name": "orders", "private": true }\n',
  'apps/orders/service.yaml': manifest('orders', 3001, '[]', '[billing]'),
  'apps/orders/src/app.ts': "export const service = 'orders';\n",
  'apps/billing/package.json': '{ "name": "billing", "private": true }\n',
  'apps/billing/service.yaml': manifest('billing', 3004, '[orders]', '[]'),
  '.github/CODEOWNERS': '/apps/orders/ @acme/shop\n/apps/billing/ @acme/pay\n',
  'infra/services/Pulumi.yaml': 'name: slipway-services\n',
  'infra/services/Pulumi.dev.yaml':
    'config:\n  slipway-services:images:\n    orders: ghcr.io/acme/orders:1\n    billing: ghcr.io/acme/billing:1\n',
});

describe('planRemoveService, on a tree in memory', () => {
  it('removes the folder and every reference to it, and reads nothing else', () => {
    const plan = planRemoveService({ name: 'billing', forceCallers: false }, memoryRepo(tree));
    expect(plan.removals).toEqual(['apps/billing']);
    expect(plan.files).toEqual([
      { path: 'apps/orders/service.yaml', content: manifest('orders', 3001, '[]', '[]') },
      { path: '.github/CODEOWNERS', content: '/apps/orders/ @acme/shop\n' },
      {
        path: 'infra/services/Pulumi.dev.yaml',
        content: 'config:\n  slipway-services:images:\n    orders: ghcr.io/acme/orders:1\n',
      },
    ]);
  });

  it('is a function of its inputs: the same tree gives the same plan', () => {
    const answers = { name: 'billing', forceCallers: false };
    expect(planRemoveService(answers, memoryRepo(tree))).toEqual(
      planRemoveService(answers, memoryRepo(tree)),
    );
  });
});

describe('planRenameService, on a tree in memory', () => {
  it('moves the folder and renames the service in its files, its callers and owners', () => {
    const plan = planRenameService({ name: 'orders', newName: 'purchases' }, memoryRepo(tree));
    expect(plan.moves).toEqual([{ from: 'apps/orders', to: 'apps/purchases' }]);
    const files = Object.fromEntries(plan.files.map((f) => [f.path, f.content]));
    expect(files['apps/purchases/package.json']).toContain('"name": "purchases"');
    expect(files['apps/purchases/service.yaml']).toContain('name: purchases\n');
    expect(files['apps/billing/service.yaml']).toContain('calls: [purchases]\n');
    expect(files['.github/CODEOWNERS']).toBe(
      '/apps/purchases/ @acme/shop\n/apps/billing/ @acme/pay\n',
    );
    expect(files['infra/services/Pulumi.dev.yaml']).not.toContain('orders');
  });
});
