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
  /**
   * Stack config by key; objects are JSON-encoded. A key without a namespace (`nodePool`) is
   * the project's, as `pulumi config set nodePool` would store it; `aws:region` stays as it is.
   */
  readonly config?: Record<string, unknown>;
  /** Config keys (namespaced as in `config`) set with `pulumi config set --secret`; they reach the program as secrets. */
  readonly secretKeys?: readonly string[];
  /** Extra output properties for a resource, on top of its inputs. */
  readonly outputsOf?: (resource: RecordedResource) => Record<string, unknown> | undefined;
  /** Results of provider functions (invokes) by token. */
  readonly calls?: Record<string, Record<string, unknown>>;
}

// A key without a namespace is the project's, as the Pulumi CLI stores it.
function fullKey(project: string, key: string): string {
  return key.includes(':') ? key : `${project}:${key}`;
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
    config[fullKey(setup.project, key)] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  const secretKeys = (setup.secretKeys ?? []).map((key) => fullKey(setup.project, key));
  pulumi.runtime.setAllConfig(config, secretKeys);
  return resources;
}

/** Waits until every registration the program started has reached the mocks. */
export function settle(): Promise<void> {
  return pulumi.runtime.disconnect();
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
