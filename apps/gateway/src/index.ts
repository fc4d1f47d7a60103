import { loadConfigOrExit } from '@slipway/config';
import { serviceOptionsFromConfig, startService } from '@slipway/service-kit';
import { createApp } from './app.ts';
import { configSchema } from './config.ts';

const config = loadConfigOrExit(configSchema);
const options = serviceOptionsFromConfig(config);
const service = createApp({
  orders: { baseUrl: config.ORDERS_URL, policy: config.ORDERS_CALL_POLICY },
  options: options.create,
});
await startService(service, options.start);
