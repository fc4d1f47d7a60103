import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordedResource } from '@slipway/infra-testing';
import {
  deployPlatformWithOptions,
  everythingOn,
  type RecordedOptions,
  releaseType,
} from './deploy-platform.ts';

// Deleting a CRD deletes every object of its kind in the cluster: routes, certificates, backups.
describe("a platform destroy leaves the CRDs, and with them every stack's objects of their kinds", () => {
  let resources: RecordedResource[];
  let options: RecordedOptions[];

  beforeAll(async () => {
    ({ resources, options } = await deployPlatformWithOptions(everythingOn));
  });

  const releaseValues = (release: string) =>
    resources.find((resource) => resource.type === releaseType && resource.inputs.name === release)
      ?.inputs.values;

  it('retains the Gateway API and Envoy Gateway CRD release on delete, and no other release', () => {
    const retained = options
      .filter((option) => option.type === releaseType && option.opts.retainOnDelete === true)
      .map((option) => option.name);
    expect(retained).toEqual(['slipway-envoy-gateway-crds']);
  });

  it("keeps cert-manager's CRDs when its release is uninstalled (helm.sh/resource-policy: keep)", () => {
    expect(releaseValues('cert-manager')).toMatchObject({ crds: { enabled: true, keep: true } });
  });

  it("turns Velero's CRD clean-up hook off", () => {
    expect(releaseValues('velero')).toMatchObject({ cleanUpCRDs: false });
  });
});
