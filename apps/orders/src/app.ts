import type { Health } from '@slipway/health';
import { createServiceApp, type Service, type ServiceAppOptions } from '@slipway/service-kit';
import type { OrdersStore } from './db/index.ts';
import { createOrdersRouter } from './routes/orders/orders.index.ts';

/** What the orders app needs; everything else has a default that suits tests. */
export interface AppDeps {
  readonly store: OrdersStore;
  readonly health?: Health;
  /** Service-kit settings, mostly from config (`serviceOptionsFromConfig(config).create`). */
  readonly options?: Partial<Omit<ServiceAppOptions, 'health'>>;
}

/**
 * The orders service with its routes; it never listens (`startService` does, in index.ts).
 * @example const { app } = createApp({ store }); const res = await app.request('/orders/…');
 */
export function createApp({ store, health, options = {} }: AppDeps): Service {
  const service = createServiceApp({
    name: 'orders',
    description: 'Creates and reads orders.',
    ...options,
    ...(health && { health }),
  });
  service.app.route('/', createOrdersRouter(store));
  return service;
}

/** The orders API as typed clients see it: `hc<OrdersApi>(ordersUrl)`. */
export type OrdersApi = ReturnType<typeof createOrdersRouter>;
