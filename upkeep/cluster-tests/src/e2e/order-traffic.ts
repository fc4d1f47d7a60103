import { gatewayTrafficDefaults } from '@slipway/platform-contract';
import type { ServiceManifest } from '@slipway/service-manifest';
import type { LoadRequest, LoadTarget } from './load-generator.ts';

/** A valid order for gateway's public API (`POST /api/orders`). */
export function newOrder(index: number): {
  customerId: string;
  currency: string;
  items: { sku: string; quantity: number }[];
} {
  return {
    customerId: `cus_e2e_${index}`,
    currency: 'EUR',
    items: [{ sku: `SKU-${index % 100}`, quantity: 1 + (index % 3) }],
  };
}

/**
 * The steady load of the rolling update: orders created and read back in turn, so every request
 * crosses the gateway to orders and its database and back.
 * @example generateLoad({ target, next: orderLoad(orderId), signal })
 */
export function orderLoad(knownOrderId: string): (index: number) => LoadRequest {
  return (index) =>
    index % 2 === 0
      ? { method: 'POST', path: '/api/orders', body: newOrder(index) }
      : { method: 'GET', path: `/api/orders/${knownOrderId}` };
}

/**
 * The pace of the steady load: half of what the gateway lets one client IP send to the public
 * service (its manifest's `traffic.rateLimit`, else the platform's), since all the load comes
 * from one address; a rolling update is judged on resets and failures, never on 429s.
 * @example orderLoadPerSecond(gatewayManifest) // 50
 */
export function orderLoadPerSecond(manifest: ServiceManifest): number {
  return Math.max(1, Math.floor(clientRateLimit(manifest) / 2));
}

/**
 * The requests a second the gateway lets one client IP send to a public service: its
 * manifest's `traffic.rateLimit`, else the platform's.
 * @example clientRateLimit(gatewayManifest) // 100
 */
export function clientRateLimit(manifest: ServiceManifest): number {
  return (
    manifest.traffic?.rateLimit?.requestsPerSecond ??
    gatewayTrafficDefaults.rateLimit.requestsPerSecond
  );
}

/** The answer of one request: status, parsed JSON body and, when the sender keeps them, headers. */
export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
  /** Lower-case names, as Node gives them. */
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
}

/** Sends one request through the gateway and parses its JSON answer. */
export type SendJson = (target: LoadTarget, request: LoadRequest) => Promise<JsonAnswer>;

/**
 * Places an order through the gateway and reads it back: the round trip gateway → orders →
 * database → gateway. Returns the order's id.
 * @throws Error naming the step that did not answer as documented.
 * @example const id = await orderRoundTrip(target, sendJson);
 */
export async function orderRoundTrip(target: LoadTarget, send: SendJson): Promise<string> {
  const order = newOrder(0);
  const created = await send(target, { method: 'POST', path: '/api/orders', body: order });
  const id = (created.body as { id?: unknown } | null)?.id;
  if (created.status !== 201 || typeof id !== 'string') {
    throw new Error(`POST /api/orders answered ${created.status}: ${JSON.stringify(created.body)}`);
  }
  const read = await send(target, { method: 'GET', path: `/api/orders/${id}` });
  const body = read.body as { id?: unknown; customerId?: unknown } | null;
  if (read.status !== 200 || body?.id !== id || body.customerId !== order.customerId) {
    throw new Error(`GET /api/orders/${id} answered ${read.status}: ${JSON.stringify(read.body)}`);
  }
  return id;
}
