import { isMap, parse, parseDocument } from 'yaml';
import type { PlannedFile } from '../shared/change-plan.ts';
import type { RepoFiles } from '../shared/repo-files.ts';

/** The Pulumi program that deploys the services; its stack files name each service. */
const servicesProgram = 'infra/services';

/** What one stack's config holds for a service. */
export interface StackEntries {
  readonly stack: string;
  /** The stack file, relative to the repository root. */
  readonly path: string;
  /** Whether `images.<service>` is set (CI writes it). */
  readonly image: boolean;
  /** The names under `secrets.<service>`, and which of them Pulumi holds encrypted. */
  readonly secrets: readonly { readonly name: string; readonly encrypted: boolean }[];
}

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

const keyOf = (project: string, field: 'images' | 'secrets') => `${project}:${field}`;

/**
 * What every stack of the services program holds for `service`; stacks that hold nothing are
 * left out.
 * @example stackEntriesOf(files, 'orders') // [{ stack: 'prod', image: true, secrets: [{ name: 'DATABASE_URL', encrypted: true }], ... }]
 */
export function stackEntriesOf(files: RepoFiles, service: string): StackEntries[] {
  const project = projectName(files);
  if (project === undefined) return [];
  return stackFiles(files).flatMap(({ stack, path }) => {
    const document = parseDocument(files.read(path) ?? '');
    const image = document.getIn(['config', keyOf(project, 'images'), service]) !== undefined;
    const values = document.getIn(['config', keyOf(project, 'secrets'), service], true);
    const secrets = isMap(values)
      ? values.items.map((pair) => {
          const value: unknown = pair.value;
          return {
            name: String(Reflect.get(pair.key ?? {}, 'value') ?? pair.key),
            encrypted: isMap(value) && value.has('secure'),
          };
        })
      : [];
    return image || secrets.length > 0 ? [{ stack, path, image, secrets }] : [];
  });
}

/**
 * The stack files without `images.<service>` and `secrets.<service>`, comments and every other
 * key kept (the yaml Document API); a map left empty goes too.
 * @example removeStackEntries(files, 'billing') // [{ path: 'infra/services/Pulumi.dev.yaml', content }]
 */
export function removeStackEntries(files: RepoFiles, service: string): PlannedFile[] {
  const project = projectName(files);
  if (project === undefined) return [];
  return stackEntriesOf(files, service).map(({ path }) => {
    const document = parseDocument(files.read(path) ?? '');
    for (const field of ['images', 'secrets'] as const) {
      const key = ['config', keyOf(project, field)];
      if (document.hasIn([...key, service])) document.deleteIn([...key, service]);
      const rest = document.getIn(key, true);
      if (isMap(rest) && rest.items.length === 0) document.deleteIn(key);
    }
    return { path, content: document.toString({ lineWidth: 0 }) };
  });
}

/**
 * The commands that move a service's secrets to its new name in one stack, to run in
 * `infra/services` (Pulumi re-encrypts each value under its new path).
 * @example moveSecretCommands('prod', 'orders', 'purchases', ['DATABASE_URL'])
 */
export function moveSecretCommands(
  stack: string,
  from: string,
  to: string,
  names: readonly string[],
): string[] {
  return names.flatMap((name) => [
    `pulumi config set --secret --path 'secrets.${to}.${name}' "$(pulumi config get --path 'secrets.${from}.${name}' --stack ${stack})" --stack ${stack}`,
    `pulumi config rm --path 'secrets.${from}.${name}' --stack ${stack}`,
  ]);
}
