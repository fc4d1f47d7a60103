import type { MockSetup } from '@slipway/infra-testing';
import { awsMockOutputs } from './aws/mock-outputs.ts';
import { azureMockCalls, azureMockOutputs } from './azure/mock-outputs.ts';
import { gcpMockOutputs } from './gcp/mock-outputs.ts';

/**
 * What the clouds return under mocks for the data services' resources (addresses, generated
 * passwords, CA certificates), so the tests and renders of the programs that provision them see
 * plausible endpoints.
 */
export const dataServiceOutputs: NonNullable<MockSetup['outputsOf']> = (resource) => {
  if (resource.type === 'random:index/randomPassword:RandomPassword')
    return { result: `generated-${resource.name}` };
  return awsMockOutputs(resource) ?? gcpMockOutputs(resource) ?? azureMockOutputs(resource);
};

/**
 * What the clouds' functions return under mocks for the data services (an Azure cache's access
 * keys): pass as `MockSetup.calls` beside {@link dataServiceOutputs}.
 */
export const dataServiceCalls: NonNullable<MockSetup['calls']> = { ...azureMockCalls };
