import { describe, expect, it } from 'vitest';
import {
  editManifestList,
  renameCalleeTokens,
  renameOwnTokens,
  withoutCalleeConfig,
} from './service-references.ts';

const manifest = `name: orders # the name
calls: []
calledBy: [gateway, billing] # who may call
egress:
  - name: postgres
    ports: [5432]
resources:
  requests: { cpu: 100m, memory: 128Mi }
`;

describe('editManifestList', () => {
  it.each([
    ['drops an entry of a flow list', undefined, 'calledBy: [gateway] # who may call'],
    [
      'renames an entry of a flow list',
      'invoicing',
      'calledBy: [gateway, invoicing] # who may call',
    ],
  ])('%s and changes no other line', (_case, to, line) => {
    const after = editManifestList(manifest, 'calledBy', 'billing', to);
    const changed = after.split('\n').filter((l, i) => l !== manifest.split('\n')[i]);
    expect(changed).toEqual([line]);
  });

  it('drops the line of an entry of a block list, comments kept', () => {
    const text = 'calls:\n  # callees\n  - orders # first\n  - billing\nport: 1\n';
    expect(editManifestList(text, 'calls', 'billing')).toBe(
      'calls:\n  # callees\n  - orders # first\nport: 1\n',
    );
  });

  it.each([
    [
      'drops a map entry of a block list, all its lines',
      undefined,
      'calls:\n  - orders\nport: 1\n',
    ],
    [
      "renames a map entry's service, keeping its policy",
      'invoicing',
      'calls:\n  - orders\n  - service: invoicing\n    timeoutMs: 1500\nport: 1\n',
    ],
  ])('%s', (_case, to, expected) => {
    const text = 'calls:\n  - orders\n  - service: billing\n    timeoutMs: 1500\nport: 1\n';
    expect(editManifestList(text, 'calls', 'billing', to)).toBe(expected);
  });

  it('drops a map entry of a flow list, keeping the others as written', () => {
    const text =
      'calls: [{ service: billing, timeoutMs: 1500 }, { service: orders, maxConcurrent: 8 }]\n';
    expect(editManifestList(text, 'calls', 'billing')).toBe(
      'calls: [{ service: orders, maxConcurrent: 8 }]\n',
    );
  });

  it('leaves a list without the entry unchanged', () => {
    expect(editManifestList(manifest, 'calls', 'billing')).toBe(manifest);
  });
});

const config = `import { z } from 'zod';
import { defineConfigSchema } from '@slipway/config';
import { callPolicySchema } from '@slipway/service-client';

export const configSchema = defineConfigSchema(
  { name: 'gateway', port: 3000 },
  {
    /** Base URL of billing; set by infra. */
    BILLING_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3004'),
    /** How calls to billing are bounded, retried and broken. */
    BILLING_CALL_POLICY: callPolicySchema,
  },
);

export type Config = z.output<typeof configSchema>;
`;

describe('withoutCalleeConfig', () => {
  it('drops the URL and call policy with their comments and imports nothing unused', () => {
    expect(withoutCalleeConfig(config, 'billing')).toBe(
      config
        .replace(/ {4}\/\*\* Base[\s\S]*callPolicySchema,\n/, '')
        .replace("import { callPolicySchema } from '@slipway/service-client';\n", '')
        .replace("import { z } from 'zod';", "import type { z } from 'zod';"),
    );
  });

  it('leaves a config that does not call the service unchanged', () => {
    expect(withoutCalleeConfig(config, 'orders')).toBe(config);
  });
});

describe('renameCalleeTokens', () => {
  it.each([
    [
      'config.ORDERS_URL, config.ORDERS_CALL_POLICY',
      'config.PURCHASES_URL, config.PURCHASES_CALL_POLICY',
    ],
    [
      "import type { OrdersApi } from 'orders/app';",
      "import type { PurchasesApi } from 'purchases/app';",
    ],
    [
      "import { createOrdersClient, type OrdersClientOptions } from './clients/orders-client.js';",
      "import { createPurchasesClient, type PurchasesClientOptions } from './clients/purchases-client.js';",
    ],
    [
      "createServiceClient<OrdersApi>({ service: 'orders', ...options })",
      "createServiceClient<PurchasesApi>({ service: 'purchases', ...options })",
    ],
    [
      "import type { OrdersStore } from 'orders/db';\nimport { createOrdersClient } from './orders-client.js';",
      "import type { OrdersStore } from 'purchases/db';\nimport { createPurchasesClient } from './purchases-client.js';",
    ],
    [
      "app.post('/orders', createOrdersRouter(store)); tags: ['orders']",
      "app.post('/orders', createOrdersRouter(store)); tags: ['orders']",
    ],
  ])('%s', (before, after) => {
    expect(renameCalleeTokens(before, 'orders', 'purchases')).toBe(after);
  });
});

describe('renameOwnTokens', () => {
  it.each([
    [
      "createServiceApp({ name: 'orders', description: 'Orders.' })",
      "createServiceApp({ name: 'purchases', description: 'Orders.' })",
    ],
    [
      'export type OrdersApi = ReturnType<typeof createRoutes>;',
      'export type PurchasesApi = ReturnType<typeof createRoutes>;',
    ],
    [
      '# orders\n\nnpm test --workspace apps/orders',
      '# purchases\n\nnpm test --workspace apps/purchases',
    ],
    ["router.get('/orders/:id')", "router.get('/orders/:id')"],
  ])('%s', (before, after) => {
    expect(renameOwnTokens(before, 'orders', 'purchases')).toBe(after);
  });
});
