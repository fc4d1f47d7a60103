import { loadConfigOrExit } from '@slipway/config';
import { Health, postgresCheck } from '@slipway/health';
import { serviceOptionsFromConfig, startService } from '@slipway/service-kit';
import { createApp } from './app.js';
import { configSchema } from './config.js';
import { createOrdersStore, openDatabase } from './db/index.js';

const config = loadConfigOrExit(configSchema);
const options = serviceOptionsFromConfig(config);
const databaseUrl = config.DATABASE_URL;

const database = await openDatabase({
  url: databaseUrl?.reveal(),
  dataDir: config.PGLITE_DATA_DIR,
  // Called only once the service below exists: pool errors happen on idle connections.
  onPoolError: (error) => service.logger.error({ err: error }, 'idle database connection failed'),
});
const health = new Health({
  readiness: databaseUrl ? [postgresCheck({ connectionString: () => databaseUrl.reveal() })] : [],
});
const service = createApp({
  store: createOrdersStore(database.db),
  health,
  options: options.create,
});
await startService(service, { ...options.start, onShutdown: [() => database.close()] });
