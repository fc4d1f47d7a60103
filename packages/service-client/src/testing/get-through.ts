/** Per-call options of a typed client's `$get`: extra headers, such as the request id. */
export interface GetOptions {
  readonly headers?: Readonly<Record<string, string>>;
}

type Get = (args: undefined, options?: GetOptions) => Promise<Response>;

/**
 * Sends `GET path` through a typed client whatever routes its type names: a client's own
 * test checks its wiring (base URL, deadline, request id, failures) against a stub, while
 * `tsc` checks its routes against the called service.
 * @example const response = await getThrough(orders, '/livez', { headers: { 'X-Request-Id': 'r-1' } });
 */
export function getThrough(client: object, path: string, options?: GetOptions): Promise<Response> {
  // A Hono RPC client is a proxy: each property is a path segment, `$get` sends the request.
  const segments = path.split('/').filter((segment) => segment !== '');
  const endpoint = (segments.length > 0 ? segments : ['index']).reduce<unknown>(
    (node, segment) => Reflect.get(node as object, segment),
    client,
  );
  const get = Reflect.get(endpoint as object, '$get') as Get;
  return get(undefined, options);
}
