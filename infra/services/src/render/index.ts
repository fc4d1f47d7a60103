export { resolveStackConfig, type StackConfig, type StackConfigInput } from '../stack-config.js';
export { fixtureGateway, fixturePlatformOutputs } from './fixture-platform-outputs.js';
export { type NetworkGraphOptions, networkGraph } from './network-graph.js';
export {
  allowsConnection,
  type ExternalEndpoint,
  type PodEndpoint,
} from './network-reachability.js';
export { type RecordedDeployment, recordDeployment } from './record-deployment.js';
export { type RenderedService, renderServices, serviceYaml } from './render-services.js';
export { syntheticCatalog } from './synthetic-catalog.js';
