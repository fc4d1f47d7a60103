import * as pulumi from '@pulumi/pulumi';

/** A resource the program registered, as the mock monitor saw it. */
export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

/** How the mocks answer the program. */
export interface MockSetup {
  /** The Pulumi project name the program reads its config under. */
  readonly project: string;
  readonly stack?: string;
  /** Stack config by full key (`project:key`, `aws:region`); objects are JSON-encoded. */
  readonly config?: Record<string, unknown>;
  /** Config keys set with `pulumi config set --secret`; their values reach the program as secrets. */
  readonly secretKeys?: readonly string[];
  /** Extra output properties for a resource, on top of its inputs. */
  readonly outputsOf?: (resource: RecordedResource) => Record<string, unknown> | undefined;
  /** Results of provider functions (invokes) by token. */
  readonly calls?: Record<string, Record<string, unknown>>;
}

/**
 * Points the Pulumi runtime at in-memory mocks and returns the list every
 * registered resource is appended to. Mocks are process-wide: one program at a time.
 * @example const resources = await installMocks({ project: 'slipway-services', stack: 'dev' });
 */
export async function installMocks(setup: MockSetup): Promise<RecordedResource[]> {
  const resources: RecordedResource[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const resource = { type: args.type, name: args.name, inputs: args.inputs };
        resources.push(resource);
        return {
          id: `${args.name}-id`,
          state: { ...args.inputs, ...setup.outputsOf?.(resource) },
        };
      },
      call(args) {
        return setup.calls?.[args.token] ?? args.inputs;
      },
    },
    setup.project,
    setup.stack ?? 'dev',
    false,
  );
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(setup.config ?? {})) {
    config[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  pulumi.runtime.setAllConfig(config, [...(setup.secretKeys ?? [])]);
  return resources;
}

/** Waits until every registration the program started has reached the mocks. */
export function settle(): Promise<void> {
  return pulumi.runtime.disconnect();
}

/**
 * True for a value Pulumi marked secret, as the mocks receive it: `{ <sig>: <secret sig>, value }`.
 * @example isSecretMarker(named(resources, 'kubernetes:core/v1:Secret', 'orders-secrets').inputs.stringData) // true
 */
export function isSecretMarker(value: unknown): value is { readonly value: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>)[pulumi.runtime.specialSigKey] ===
      pulumi.runtime.specialSecretSig
  );
}

/** The value of an output, once known. */
export function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/** Every recorded resource of a type. */
export function ofType(resources: readonly RecordedResource[], type: string): RecordedResource[] {
  return resources.filter((resource) => resource.type === type);
}

/** The one recorded resource of a type with a name; fails the test when absent. */
export function named(
  resources: readonly RecordedResource[],
  type: string,
  name: string,
): RecordedResource {
  const found = resources.find((resource) => resource.type === type && resource.name === name);
  if (!found) {
    throw new Error(`no ${type} named ${name} among ${resources.map((r) => r.name).join(', ')}`);
  }
  return found;
}
