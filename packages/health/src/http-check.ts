import { errorCode } from './describe-error.ts';
import type { HealthCheck } from './health-check.ts';

/** Options of {@link httpCheck}. */
export interface HttpCheckOptions {
  readonly name: string;
  /** The URL to GET; credentials in it are sent as Basic auth and never reported. */
  readonly url: string;
  /** Defaults to `HealthOptions.defaultTimeoutMs`. */
  readonly timeoutMs?: number;
  /** Which statuses pass; defaults to 2xx. Redirects are not followed, so 3xx fails by default. */
  readonly expectedStatus?: (status: number) => boolean;
}

/**
 * A dependency check that GETs a URL with the global `fetch` and passes on an expected status.
 *
 * @example
 * const orders = httpCheck({ name: 'orders', url: `${config.ORDERS_URL}/readyz` });
 */
export function httpCheck({
  name,
  url,
  timeoutMs,
  expectedStatus = isSuccessful,
}: HttpCheckOptions): HealthCheck {
  const { target, headers, label } = prepareRequest(name, url);
  return {
    name,
    dependency: true,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    check: async function checkHttp(signal) {
      let response: Response;
      try {
        response = await fetch(target, { signal, headers, redirect: 'manual' });
      } catch (error) {
        throw new Error(`GET ${label} failed (${errorCode(error)})`);
      }
      // Release the connection: only the status matters.
      await response.body?.cancel().catch(() => {});
      if (!expectedStatus(response.status)) {
        throw new Error(`GET ${label} answered ${response.status}`);
      }
    },
  };
}

function isSuccessful(status: number): boolean {
  return status >= 200 && status < 300;
}

function prepareRequest(name: string, url: string) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`httpCheck '${name}': the url is not a valid absolute URL.`);
  }
  const headers: Record<string, string> = {};
  // fetch refuses URLs with credentials; send them as the header they stand for.
  if (parsed.username !== '' || parsed.password !== '') {
    const user = decodeURIComponent(parsed.username);
    const password = decodeURIComponent(parsed.password);
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    parsed.username = '';
    parsed.password = '';
  }
  // The query string may carry tokens; reports name only origin and path.
  return { target: parsed.href, headers, label: `${parsed.origin}${parsed.pathname}` };
}
