export { resolveStackConfig, type StackConfig, type StackConfigInput } from '../stack-config.ts';
export {
  fixtureGateway,
  fixtureMonitoring,
  fixturePlatformOutputs,
} from './fixture-platform-outputs.ts';
export { type NetworkGraphOptions, networkGraph } from './network-graph.ts';
export {
  allowsConnection,
  type ExternalEndpoint,
  type PodEndpoint,
} from './network-reachability.ts';
export {
  type RecordedDeployment,
  type RecordOptions,
  recordDeployment,
} from './record-deployment.ts';
export {
  dataServicesYaml,
  type RenderedDataService,
  type RenderedService,
  renderServices,
  serviceYaml,
} from './render-services.ts';
export { standInDataNetwork } from './stand-in-data-network.ts';
export { syntheticCatalog } from './synthetic-catalog.ts';
