import type { PlatformOutputs } from '@slipway/infra-platform/outputs';
import { installMocks, promiseOf, type RecordedResource } from '@slipway/infra-testing/mocks';
import type { ServiceManifestInput } from '@slipway/service-manifest';
import { type DeployedServices, deployServices } from '../deploy-services.ts';
import { projectName, type StackConfig } from '../stack-config.ts';

export { isSecretMarker, promiseOf, type RecordedResource } from '@slipway/infra-testing/mocks';

/** What a deployment under mocks registered. */
export interface RecordedDeployment {
  readonly deployed: DeployedServices;
  /** Every registered resource with its inputs; secrets still wrapped (`isSecretMarker`). */
  readonly resources: readonly RecordedResource[];
}

/**
 * Runs the services program's composition under Pulumi mocks (no engine, cloud or cluster)
 * and records every registered resource. `platform` stands for the platform stack's outputs
 * (a render of it, or `fixturePlatformOutputs`); undefined is fine when no service is public.
 * Mocks are process-wide: run one at a time.
 * @example const { resources } = await recordDeployment(manifests, config, platform);
 */
export async function recordDeployment(
  manifests: readonly ServiceManifestInput[],
  config: StackConfig,
  platform: PlatformOutputs | undefined,
): Promise<RecordedDeployment> {
  const resources = await installMocks({
    project: projectName,
    stack: config.stack,
    // A StackReference's state is the referenced stack's outputs; no cluster stack exists here.
    outputsOf: (resource) =>
      resource.type === 'pulumi:pulumi:StackReference'
        ? { outputs: { kubeconfig: 'mock-kubeconfig' } }
        : undefined,
  });
  const deployed = deployServices(manifests, config, platform);
  await Promise.all(
    Object.values(deployed.services).flatMap((service) => [
      promiseOf(service.urn),
      ...service.resources.map((resource) => promiseOf(resource.urn)),
    ]),
  );
  return { deployed, resources };
}
