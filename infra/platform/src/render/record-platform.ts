import * as pulumi from '@pulumi/pulumi';
import { pulumiProject } from '@slipway/platform-contract';
import { definePlatformStack } from '../define-platform-stack.ts';
import type { PlatformStackOutputs } from '../platform-stack-outputs.ts';

/** The Pulumi project the platform program's config keys are prefixed with. */
export const platformProject = pulumiProject('platform');

/** One resource the program registered, inputs as the engine received them (secrets still marked). */
export interface RecordedResource {
  /** The Pulumi type token, such as `kubernetes:helm.sh/v3:Release`. */
  readonly type: string;
  readonly name: string;
  readonly inputs: Readonly<Record<string, unknown>>;
}

/** What a run of the program under mocks registered and exported. */
export interface RecordedPlatform {
  readonly resources: readonly RecordedResource[];
  readonly outputs: PlatformStackOutputs;
}

/** A stand-in for the cluster stack's kubeconfig; nothing connects to a cluster under mocks. */
const mockKubeconfig = 'apiVersion: v1\nkind: Config\n';

/**
 * Stack config as the Pulumi engine hands it to a program: keys `slipway-platform:<key>`
 * (an unprefixed key gets the prefix, another namespace's `kubernetes:context` stays), objects
 * JSON-encoded.
 */
function engineConfig(config: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [
      key.includes(':') ? key : `${platformProject}:${key}`,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}

/**
 * Runs the platform program (the same `definePlatformStack` the entry point calls) under
 * Pulumi mocks, with no engine, cloud or cluster, and records every registered resource.
 * Mocks are process-wide: run one at a time. (Minimal copy of infra/testing's mocks, which is
 * a test-only package.)
 *
 * @example
 * const { resources, outputs } = await recordPlatform('dev', { namespaces: ['slipway-dev'] });
 */
export async function recordPlatform(
  stack: string,
  config: Readonly<Record<string, unknown>>,
): Promise<RecordedPlatform> {
  const resources: RecordedResource[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        resources.push({ type: args.type, name: args.name, inputs: args.inputs });
        // A StackReference's state is the referenced stack's outputs.
        const state =
          args.type === 'pulumi:pulumi:StackReference'
            ? { ...args.inputs, outputs: { kubeconfig: mockKubeconfig } }
            : args.inputs;
        return { id: `${args.name}-id`, state };
      },
      call: (args) => args.inputs,
    },
    platformProject,
    stack,
    false,
  );
  pulumi.runtime.setAllConfig(engineConfig(config));
  const outputs = definePlatformStack(new pulumi.Config(platformProject), stack);
  // Waits until every registration the program started has reached the mocks.
  await pulumi.runtime.disconnect();
  return { resources, outputs };
}

/**
 * The value of an Output, for code that runs under mocks where every value is known.
 * @example const namespaces = await promiseOf(outputs.namespaces);
 */
export function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}
