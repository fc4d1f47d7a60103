export { resolveStackConfig, type StackConfig, type StackConfigInput } from '../stack-config.ts';
export { fixtureGateway, fixturePlatformOutputs } from './fixture-platform-outputs.ts';
export { type NetworkGraphOptions, networkGraph } from './network-graph.ts';
export {
  allowsConnection,
  type ExternalEndpoint,
  type PodEndpoint,
} from './network-reachability.ts';
export {
  isSecretMarker,
  promiseOf,
  type RecordedDeployment,
  type RecordedResource,
  recordDeployment,
} from './record-deployment.ts';
export {
  kubernetesObjects,
  maskedSecret,
  maskSecrets,
  type RenderedObject,
  type RenderedService,
  renderServices,
  serviceYaml,
} from './render-services.ts';
export { syntheticCatalog } from './synthetic-catalog.ts';
