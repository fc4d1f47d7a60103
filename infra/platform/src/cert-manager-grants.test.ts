import { describe, expect, it } from 'vitest';
import { workloadIdentities } from '@slipway/infra-workload-identity/testing';
import { certManagerGrants } from './cert-manager-grants.ts';

describe('certManagerGrants', () => {
  it('lets cert-manager change every hosted zone when the stack names none', () => {
    const { dns } = certManagerGrants(workloadIdentities.aws, {
      provider: 'route53',
      region: 'eu-west-1',
    });
    expect(dns).toMatchObject({ cloud: 'aws' });
    expect(JSON.parse((dns as { policy: string }).policy).Statement).toContainEqual(
      expect.objectContaining({ Resource: 'arn:aws:route53:::hostedzone/*' }),
    );
  });

  it("refuses a DNS provider outside the cluster's cloud, naming the field", () => {
    expect(() =>
      certManagerGrants(workloadIdentities.gcp, { provider: 'route53', region: 'eu-west-1' }),
    ).toThrow(
      "stack config certManager.dns01.provider is route53, but the cluster stack's cluster runs on gcp",
    );
  });
});
