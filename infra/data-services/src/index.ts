export type { DataServiceEndpoint } from './data-service-endpoint.ts';
export {
  type DataServicesArgs,
  type ProvisionedDataServices,
  provisionDataServices,
} from './provision-data-services.ts';
