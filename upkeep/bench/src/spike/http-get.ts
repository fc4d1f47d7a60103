import { request } from 'node:http';

/** What a GET got: the status and body, or why there was none. */
export type GetResult =
  | { readonly status: number; readonly body: string }
  | { readonly status: 'timeout' | 'error' };

/**
 * A GET on a connection of its own (as a kubelet's probe or a scrape opens one), given up
 * after `timeoutMs`. Never rejects.
 * @example const result = await get('http://127.0.0.1:3001/livez', 1_000);
 */
export function get(url: string, timeoutMs: number): Promise<GetResult> {
  return new Promise((resolve) => {
    const sent = request(url, { agent: false, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
      response.on('error', () => resolve({ status: 'error' }));
    });
    sent.on('timeout', () => {
      resolve({ status: 'timeout' });
      sent.destroy();
    });
    sent.on('error', () => resolve({ status: 'error' }));
    sent.end();
  });
}

/**
 * The status of a GET, or `timeout` / `error`.
 * @example await getStatus(`${url}/readyz`, 2_000) === 200
 */
export async function getStatus(
  url: string,
  timeoutMs: number,
): Promise<number | 'timeout' | 'error'> {
  return (await get(url, timeoutMs)).status;
}
