import { describe, expect, it } from 'vitest';
import { addCalleeToConfig } from './caller-config.ts';

const gatewayConfig = `import { z } from 'zod';
import { defineConfigSchema } from '@slipway/config';

export const configSchema = defineConfigSchema(
  { name: 'gateway', port: 3000 },
  {
    /** Base URL of orders {braces in a comment}. */
    ORDERS_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3001'),
  },
);

export type Config = z.output<typeof configSchema>;
`;

const emptyConfig = `import type { z } from 'zod';
import { defineConfigSchema } from '@slipway/config';

export const configSchema = defineConfigSchema({ name: 'reports', port: 3005 }, {});

export type Config = z.output<typeof configSchema>;
`;

describe('addCalleeToConfig', () => {
  it('adds the URL and call policy after the variables already there', () => {
    const updated = addCalleeToConfig(
      gatewayConfig,
      'audit-trail',
      'http://127.0.0.1:3004',
      '@slipway',
    );

    expect(updated).toContain(
      "AUDIT_TRAIL_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3004'),",
    );
    expect(updated).toContain('AUDIT_TRAIL_CALL_POLICY: callPolicySchema,');
    expect(updated).toContain(
      "import { defineConfigSchema } from '@slipway/config';\nimport { callPolicySchema } from '@slipway/service-client';\n",
    );
    expect(updated?.indexOf('ORDERS_URL')).toBeLessThan(updated?.indexOf('AUDIT_TRAIL_URL') ?? 0);
    expect(updated).toMatch(/\n}\n?,?\s*\);\n\nexport type Config/);
  });

  it('fills an empty variables object and imports z as a value', () => {
    const updated =
      addCalleeToConfig(emptyConfig, 'orders', 'http://127.0.0.1:3001', '@slipway') ?? '';

    expect(updated).toContain("import { z } from 'zod';");
    expect(updated).toContain('ORDERS_URL: z.url(');
    expect(updated).toContain("{ name: 'reports', port: 3005 }");
  });

  it('imports callPolicySchema once, however many callees use it', () => {
    const once = addCalleeToConfig(gatewayConfig, 'billing', 'http://127.0.0.1:3004', '@slipway');
    const twice = addCalleeToConfig(once ?? '', 'stock', 'http://127.0.0.1:3005', '@slipway');
    expect(twice?.match(/import \{ callPolicySchema \}/g)).toHaveLength(1);
  });

  it('leaves a config that already reads the URL unchanged', () => {
    expect(addCalleeToConfig(gatewayConfig, 'orders', 'http://127.0.0.1:3001', '@slipway')).toBe(
      gatewayConfig,
    );
  });

  it('gives up on a config without a defineConfigSchema object', () => {
    expect(
      addCalleeToConfig('export const config = load();\n', 'orders', 'x', '@slipway'),
    ).toBeUndefined();
    expect(
      addCalleeToConfig(
        "defineConfigSchema({ name: 'a', port: 1 }, variables);",
        'orders',
        'x',
        '@slipway',
      ),
    ).toBeUndefined();
  });
});
