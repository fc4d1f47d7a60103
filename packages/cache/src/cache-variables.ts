import { dataServiceVariables } from '@slipway/platform-contract';

/** The variables a declared cache reaches its service through, as messages name them. */
export const { url: cacheUrlVariable, caCertificate: cacheCaVariable } = dataServiceVariables.cache;
