import type { Hono } from 'hono';
import { hc } from 'hono/client';
import { createUpstreamFetch, type UpstreamFetchOptions } from './upstream-fetch.ts';

/**
 * The type of a service's routes as its `app` module exports them (`OrdersApi`); `any` here
 * only widens the constraint, as `hc` itself does, so every Hono or OpenAPIHono router fits.
 */
// biome-ignore lint/suspicious/noExplicitAny: the constraint hono/client itself uses.
export type ServiceApi = Hono<any, any, any>;

/** The typed client of `Api` that {@link createServiceClient} makes. */
export type ServiceClient<Api extends ServiceApi> = ReturnType<typeof hc<Api, string>>;

/** Options of {@link createServiceClient}. */
export interface ServiceClientOptions extends UpstreamFetchOptions {
  /** Where the service answers: its `<NAME>_URL` config value. */
  readonly baseUrl: string;
}

/**
 * A typed client of another service (Hono RPC): paths, bodies and answers are checked against
 * the called service's routes at compile time, and every call has a deadline and turns
 * failures into 502/504 problems (see {@link createUpstreamFetch}).
 * @example const orders = createServiceClient<OrdersApi>({ service: 'orders', baseUrl: config.ORDERS_URL, timeoutMs: 3000 });
 * const response = await orders.orders[':id'].$get({ param: { id } }, forwardRequestId(c));
 */
export function createServiceClient<Api extends ServiceApi>({
  baseUrl,
  ...options
}: ServiceClientOptions): ServiceClient<Api> {
  return hc<Api>(baseUrl, { fetch: createUpstreamFetch(options) });
}
