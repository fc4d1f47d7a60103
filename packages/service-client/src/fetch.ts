/** A `fetch`-shaped function, so a test can hand in an app's `request` or a stub. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
