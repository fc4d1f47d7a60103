import { z } from 'zod';
import { defineConfigSchema } from '@slipway/config';
import { callPolicySchema } from '@slipway/service-client';

/** Everything gateway reads from its environment. */
export const configSchema = defineConfigSchema(
  { name: 'gateway', port: 3000 },
  {
    /** Base URL of orders; `http://orders.<namespace>.svc.cluster.local:<port>` in a cluster, set by infra from the manifests. */
    ORDERS_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3001'),
    /** How calls to orders are bounded, retried and broken; set by the platform from the manifest's `calls`. */
    ORDERS_CALL_POLICY: callPolicySchema,
  },
);
