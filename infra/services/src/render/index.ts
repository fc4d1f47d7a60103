export { resolveStackConfig, type StackConfig, type StackConfigInput } from '../stack-config.js';
export { fixtureGateway, fixturePlatformOutputs } from './fixture-platform-outputs.js';
export { type NetworkGraphOptions, networkGraph } from './network-graph.js';
export {
  allowsConnection,
  type ExternalEndpoint,
  type PodEndpoint,
} from './network-reachability.js';
export {
  isSecretMarker,
  promiseOf,
  type RecordedDeployment,
  type RecordedResource,
  recordDeployment,
} from './record-deployment.js';
export {
  kubernetesObjects,
  maskedSecret,
  maskSecrets,
  type RenderedObject,
  type RenderedService,
  renderServices,
  serviceYaml,
} from './render-services.js';
export { syntheticCatalog } from './synthetic-catalog.js';
