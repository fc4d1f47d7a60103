import * as pulumi from '@pulumi/pulumi';
import type { ServiceManifestInput } from '@slipway/service-manifest';
import { type DeployedServices, deployServices } from '../deploy-services.js';
import { projectName, type StackConfig } from '../stack-config.js';

/** One resource the program registered, with its inputs exactly as the engine received them. */
export interface RecordedResource {
  /** The Pulumi type token, such as `kubernetes:apps/v1:Deployment`. */
  readonly type: string;
  /** The Pulumi resource name, such as `orders-deployment`. */
  readonly name: string;
  /** Inputs; a secret value is still wrapped in Pulumi's secret marker, see {@link isSecretMarker}. */
  readonly inputs: Readonly<Record<string, unknown>>;
}

/** What a deployment under mocks registered. */
export interface RecordedDeployment {
  readonly deployed: DeployedServices;
  readonly resources: readonly RecordedResource[];
}

// Pulumi's wire format for a secret value (runtime/rpc: specialSigKey and specialSecretSig).
const signatureKey = '4dabf18193072939515e22adb298388d';
const secretSignature = '1b47061264138c4ac30d75fd1eb44270';

/**
 * True for a value Pulumi marked secret, as mocks see it: `{ <sig>: <secret sig>, value }`.
 * @example isSecretMarker(recorded.inputs.stringData.DATABASE_URL) // true
 */
export function isSecretMarker(value: unknown): value is { readonly value: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>)[signatureKey] === secretSignature
  );
}

/**
 * Runs the services program's composition under Pulumi mocks (no engine, cloud or cluster)
 * and records every registered resource. Mocks are process-wide: run one at a time.
 * @example const { resources } = await recordDeployment(manifests, config);
 */
export async function recordDeployment(
  manifests: readonly ServiceManifestInput[],
  config: StackConfig,
): Promise<RecordedDeployment> {
  const resources: RecordedResource[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        resources.push({ type: args.type, name: args.name, inputs: args.inputs });
        // A StackReference's state is the referenced stack's outputs; no cluster stack exists here.
        const state =
          args.type === 'pulumi:pulumi:StackReference'
            ? { ...args.inputs, outputs: { kubeconfig: 'mock-kubeconfig' } }
            : args.inputs;
        return { id: `${args.name}-id`, state };
      },
      call: (args) => args.inputs,
    },
    projectName,
    config.stack,
    false,
  );
  const deployed = deployServices(manifests, config);
  await Promise.all(
    Object.values(deployed.services).flatMap((service) => [
      promiseOf(service.urn),
      ...service.resources.map((resource) => promiseOf(resource.urn)),
    ]),
  );
  return { deployed, resources };
}

/**
 * The value of an Output, for code that runs under mocks where every value is known.
 * @example const url = await promiseOf(service.url);
 */
export function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}
