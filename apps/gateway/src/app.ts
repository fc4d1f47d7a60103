import { createServiceApp, type Service, type ServiceAppOptions } from '@slipway/service-kit';
import { createOrdersClient, type OrdersClientOptions } from './clients/orders-client.ts';
import { createOrdersRouter } from './routes/orders/orders.index.ts';

/** What the gateway app needs. */
export interface AppDeps {
  /**
   * Where and how to call orders (`policy` from `ORDERS_CALL_POLICY`); tests hand in a `fetch`
   * that needs no network. Its metrics go to the service's registry.
   */
  readonly orders: OrdersClientOptions;
  /** Service-kit settings, mostly from config (`serviceOptionsFromConfig(config).create`). */
  readonly options?: Partial<ServiceAppOptions>;
}

/**
 * The gateway service with its routes; it never listens (`startService` does, in index.ts).
 * Its readiness has no check of orders on purpose: see the README.
 * @example const { app } = createApp({ orders: { baseUrl: 'http://127.0.0.1:3001', policy: config.ORDERS_CALL_POLICY } });
 */
export function createApp({ orders, options = {} }: AppDeps): Service {
  const service = createServiceApp({
    name: 'gateway',
    description: 'The public API: forwards order requests to the orders service.',
    ...options,
  });
  const ordersClient = createOrdersClient({ metrics: service.metrics, ...orders });
  service.app.route('/', createOrdersRouter(ordersClient));
  return service;
}
