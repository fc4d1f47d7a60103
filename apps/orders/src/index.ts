import { loadConfigOrExit } from '@slipway/config';
import { Health, postgresCheck } from '@slipway/health';
import { type Service, serviceOptionsFromConfig, startService } from '@slipway/service-kit';
import { createApp } from './app.ts';
import { configSchema } from './config.ts';
import { createOrdersStore, openDatabase } from './db/index.ts';

const config = loadConfigOrExit(configSchema);
const options = serviceOptionsFromConfig(config);
const databaseUrl = config.DATABASE_URL;

// The pool can fail an idle connection while migrations run, before the service (and its
// logger) exists.
let service: Service | undefined;
const database = await openDatabase({
  url: databaseUrl?.reveal(),
  dataDir: config.PGLITE_DATA_DIR,
  onPoolError: (error) => {
    if (service) service.logger.error({ err: error }, 'idle database connection failed');
    else console.error('idle database connection failed:', error.message);
  },
});
const health = new Health({
  readiness: databaseUrl ? [postgresCheck({ connectionString: () => databaseUrl.reveal() })] : [],
});
service = createApp({
  store: createOrdersStore(database.db),
  health,
  options: options.create,
});
await startService(service, { ...options.start, onShutdown: [() => database.close()] });
