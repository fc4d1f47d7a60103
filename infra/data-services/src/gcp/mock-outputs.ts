import type { MockSetup } from '@slipway/infra-testing';

/** What gcp returns, under mocks, for the resources its provisioners create. */
export const gcpMockOutputs: NonNullable<MockSetup['outputsOf']> = () => undefined;
