import { type Document, isMap, parse, parseDocument } from 'yaml';
import type { PlannedFile } from '../shared/change-plan.ts';
import type { RepoFiles } from '../shared/repo-files.ts';

/** The Pulumi program that deploys the services; its stack files name each service. */
const servicesProgram = 'infra/services';

/** One value a stack's config holds for a service, by its path below the service's key. */
export interface StackValue {
  /** `DATABASE_URL` under `secrets.<service>`; `postgres.url` under `dataServices.<service>`. */
  readonly name: string;
  /** Whether Pulumi holds it encrypted (`secure:`), for its path. */
  readonly encrypted: boolean;
}

/** What one stack's config holds for a service. */
export interface StackEntries {
  readonly stack: string;
  /** The stack file, relative to the repository root. */
  readonly path: string;
  /** Whether `images.<service>` is set (CI writes it). */
  readonly image: boolean;
  /** The values under `secrets.<service>`. */
  readonly secrets: readonly StackValue[];
  /** The values under `dataServices.<service>`: the existing servers it uses, by kind. */
  readonly dataServices: readonly StackValue[];
}

/** The config keys (below the project's namespace) that hold entries per service. */
const serviceFields = ['images', 'secrets', 'dataServices'] as const;
type ServiceField = (typeof serviceFields)[number];

/** The program's project name, the namespace of its config keys (`slipway-services:images`). */
function projectName(files: RepoFiles): string | undefined {
  const text = files.read(`${servicesProgram}/Pulumi.yaml`);
  if (text === undefined) return undefined;
  const name: unknown = Reflect.get(parse(text) ?? {}, 'name');
  return typeof name === 'string' ? name : undefined;
}

function stackFiles(files: RepoFiles): { stack: string; path: string }[] {
  return files
    .list(servicesProgram)
    .flatMap((file) => {
      const stack = /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1];
      return stack ? [{ stack, path: `${servicesProgram}/${file}` }] : [];
    })
    .sort((a, b) => a.stack.localeCompare(b.stack));
}

const keyOf = (project: string, field: ServiceField) => `${project}:${field}`;

/** The leaves below `node`, dotted paths from it; a `secure:` map is one encrypted leaf. */
function valuesBelow(node: unknown, prefix = ''): StackValue[] {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => {
    const key = String(Reflect.get(pair.key ?? {}, 'value') ?? pair.key);
    const name = prefix === '' ? key : `${prefix}.${key}`;
    const value: unknown = pair.value;
    if (isMap(value) && !value.has('secure')) return valuesBelow(value, name);
    return [{ name, encrypted: isMap(value) }];
  });
}

const valuesOf = (document: Document, project: string, field: ServiceField, service: string) =>
  valuesBelow(document.getIn(['config', keyOf(project, field), service], true));

/**
 * What every stack of the services program holds for `service`; stacks that hold nothing are
 * left out.
 * @example stackEntriesOf(files, 'orders') // [{ stack: 'prod', image: true, secrets: [{ name: 'DATABASE_URL', encrypted: true }], dataServices: [], ... }]
 */
export function stackEntriesOf(files: RepoFiles, service: string): StackEntries[] {
  const project = projectName(files);
  if (project === undefined) return [];
  return stackFiles(files).flatMap(({ stack, path }) => {
    const document = parseDocument(files.read(path) ?? '');
    const image = document.getIn(['config', keyOf(project, 'images'), service]) !== undefined;
    const secrets = valuesOf(document, project, 'secrets', service);
    const dataServices = valuesOf(document, project, 'dataServices', service);
    const held = image || secrets.length > 0 || dataServices.length > 0;
    return held ? [{ stack, path, image, secrets, dataServices }] : [];
  });
}

/**
 * The stack files without `images.<service>`, `secrets.<service>` and `dataServices.<service>`,
 * comments and every other key kept (the yaml Document API); a map left empty goes too.
 * @example removeStackEntries(files, 'billing') // [{ path: 'infra/services/Pulumi.dev.yaml', content }]
 */
export function removeStackEntries(files: RepoFiles, service: string): PlannedFile[] {
  const project = projectName(files);
  if (project === undefined) return [];
  return stackEntriesOf(files, service).map(({ path }) => {
    const document = parseDocument(files.read(path) ?? '');
    for (const field of serviceFields) {
      const key = ['config', keyOf(project, field)];
      if (document.hasIn([...key, service])) document.deleteIn([...key, service]);
      const rest = document.getIn(key, true);
      if (isMap(rest) && rest.items.length === 0) document.deleteIn(key);
    }
    return { path, content: document.toString({ lineWidth: 0 }) };
  });
}

/**
 * The commands that move a service's values under `field` to its new name in one stack, to run
 * in `infra/services`: each value set under the new name (Pulumi re-encrypts an encrypted one for
 * its new path), then the old entry removed.
 * @example moveStackValueCommands('prod', 'secrets', 'orders', 'purchases', [{ name: 'DATABASE_URL', encrypted: true }])
 */
export function moveStackValueCommands(
  stack: string,
  field: 'secrets' | 'dataServices',
  from: string,
  to: string,
  values: readonly StackValue[],
): string[] {
  return [
    ...values.map(
      ({ name, encrypted }) =>
        `pulumi config set${encrypted ? ' --secret' : ''} --path '${field}.${to}.${name}' "$(pulumi config get --path '${field}.${from}.${name}' --stack ${stack})" --stack ${stack}`,
    ),
    // The whole entry at once: removing leaf by leaf would leave its empty maps behind.
    `pulumi config rm --path '${field}.${from}' --stack ${stack}`,
  ];
}
