import { z } from 'zod';
import { defineConfigSchema, secret } from '@slipway/config';

/**
 * Everything orders reads from its environment. Without DATABASE_URL (or DATABASE_URL_FILE,
 * how Kubernetes mounts the Secret) it keeps its orders in embedded PGlite: in memory, or in
 * PGLITE_DATA_DIR when set.
 */
export const configSchema = defineConfigSchema(
  { name: 'orders', port: 3001 },
  {
    DATABASE_URL: secret(z.url({ protocol: /^postgres(ql)?$/ })).optional(),
    PGLITE_DATA_DIR: z.string().min(1).optional(),
  },
);
