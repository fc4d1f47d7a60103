export type { CallClock } from './call-clock.ts';
export { callPolicySchema } from './call-policy.ts';
export {
  createServiceClient,
  type ServiceApi,
  type ServiceClient,
  type ServiceClientOptions,
} from './create-service-client.ts';
export type { Fetch } from './fetch.ts';
export { forwardRequestId } from './forward-request-id.ts';
export {
  UpstreamError,
  type UpstreamErrorDetails,
  type UpstreamFailure,
} from './upstream-error.ts';
export { createUpstreamFetch, type UpstreamFetchOptions } from './upstream-fetch.ts';
