import { z } from 'zod';
import { defineConfigSchema } from '@slipway/config';

/** Everything gateway reads from its environment. */
export const configSchema = defineConfigSchema(
  { name: 'gateway', port: 3000 },
  {
    /** Base URL of orders; `http://orders.<namespace>.svc.cluster.local:<port>` in a cluster, set by infra from the manifests. */
    ORDERS_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3001'),
    /** How long a call to orders may take, body included, before gateway answers 504. */
    ORDERS_TIMEOUT_MS: z.coerce.number().int().positive().default(3_000),
  },
);
