export {
  createServiceClient,
  type ServiceApi,
  type ServiceClient,
  type ServiceClientOptions,
} from './create-service-client.js';
export { forwardRequestId } from './forward-request-id.js';
export {
  UpstreamError,
  type UpstreamErrorDetails,
  type UpstreamFailure,
} from './upstream-error.js';
export { createUpstreamFetch, type Fetch, type UpstreamFetchOptions } from './upstream-fetch.js';
