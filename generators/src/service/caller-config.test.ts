import { describe, expect, it } from 'vitest';
import { addCalleeToConfig, calleeTimeoutVariable } from './caller-config.ts';

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
  it('adds the URL and timeout after the variables already there', () => {
    const updated = addCalleeToConfig(gatewayConfig, 'audit-trail', 'http://127.0.0.1:3004');

    expect(updated).toContain(
      "AUDIT_TRAIL_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3004'),",
    );
    expect(updated).toContain('AUDIT_TRAIL_TIMEOUT_MS: z.coerce.number()');
    expect(updated?.indexOf('ORDERS_URL')).toBeLessThan(updated?.indexOf('AUDIT_TRAIL_URL') ?? 0);
    expect(updated).toMatch(/\n}\n?,?\s*\);\n\nexport type Config/);
  });

  it('fills an empty variables object and imports z as a value', () => {
    const updated = addCalleeToConfig(emptyConfig, 'orders', 'http://127.0.0.1:3001') ?? '';

    expect(updated).toContain("import { z } from 'zod';");
    expect(updated).toContain('ORDERS_URL: z.url(');
    expect(updated).toContain("{ name: 'reports', port: 3005 }");
  });

  it('leaves a config that already reads the URL unchanged', () => {
    expect(addCalleeToConfig(gatewayConfig, 'orders', 'http://127.0.0.1:3001')).toBe(gatewayConfig);
  });

  it('gives up on a config without a defineConfigSchema object', () => {
    expect(addCalleeToConfig('export const config = load();\n', 'orders', 'x')).toBeUndefined();
    expect(
      addCalleeToConfig("defineConfigSchema({ name: 'a', port: 1 }, variables);", 'orders', 'x'),
    ).toBeUndefined();
  });

  it('names the timeout variable after the URL variable', () => {
    expect(calleeTimeoutVariable('user-profile')).toBe('USER_PROFILE_TIMEOUT_MS');
  });
});
