import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { serviceDir, serviceManifestPath } from '@slipway/platform-contract';
import { serviceNameSchema } from '@slipway/service-manifest';
import { defaultDescription, descriptionProblem } from '../shared/description-problem.ts';
import { GeneratorError } from '../shared/generator-error.ts';
import type { RepoCatalog } from '../shared/repo-catalog.ts';
import {
  type ServiceAnswers,
  type ServiceDatabase,
  serviceAnswersSchema,
  serviceDatabases,
} from './service-answers.ts';

/**
 * Names a service can never take: the API server's own Service in every cluster, and
 * names that read as the local machine or the default namespace in DNS and logs.
 */
const reservedServiceNames: ReadonlySet<string> = new Set(['kubernetes', 'localhost', 'default']);

const lowestPort = 1024;
const highestPort = 65535;

/**
 * The port after the highest one any manifest uses (3000 in an empty repository).
 * @example nextFreePort(catalog) // 3002 when gateway has 3000 and orders 3001
 */
export function nextFreePort(catalog: RepoCatalog): number {
  const used = catalog.services.map((s) => s.port);
  let port = Math.max(2999, ...used) + 1;
  while (used.includes(port)) port += 1;
  return port;
}

/** A valid service name close to `name`, to suggest in a refusal. */
function suggestName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+/g, '-')
    .slice(0, 63)
    .replace(/-+$/, '');
  return slug === '' ? 'billing' : slug;
}

/**
 * Why `name` cannot be a new service's name, or undefined when it can: a DNS-1123 label
 * that no service, workspace package, shared package or installed package already uses.
 * @example nameProblem('orders', catalog) // "The name 'orders' is taken: apps/orders already exists. ..."
 */
export function nameProblem(name: string, catalog: RepoCatalog): string | undefined {
  if (name === '') return "A service name is required: pass one such as 'billing'.";
  if (!serviceNameSchema.safeParse(name).success) {
    return `The service name '${name}' is not a valid Kubernetes DNS-1123 label: use lowercase letters, digits and '-', start with a letter, end with a letter or digit, at most 63 characters (for example '${suggestName(name)}').`;
  }
  if (name.length < 2) {
    return `The service name '${name}' is too short: use at least two characters, a word that says what it does (for example 'billing').`;
  }
  if (name.includes('--')) {
    return `The service name '${name}' has a double hyphen: callers would read it as ${name.toUpperCase().replaceAll('-', '_')}_URL, which reads like two names. Use single hyphens (for example '${name.replace(/-+/g, '-')}').`;
  }
  const folder = serviceDir(name);
  if (existsSync(join(catalog.root, folder))) {
    return `The name '${name}' is taken: ${folder} already exists. Choose another name, or remove that service first (npm run gen -- remove-service ${name}).`;
  }
  const { scope } = catalog.platform;
  const workspace = catalog.workspaces.find(
    (w) => w.name === name || w.name === `${scope}/${name}` || basename(w.dir) === name,
  );
  if (workspace) {
    return `The name '${name}' clashes with the workspace package ${workspace.name} (${workspace.dir}): choose another name, such as '${name}-service'.`;
  }
  if (catalog.installed.has(name)) {
    return `The name '${name}' clashes with the installed package '${name}' (node_modules/${name}): a workspace of that name would replace it. Choose another name, such as '${name}-service'.`;
  }
  if (reservedServiceNames.has(name)) {
    return `The name '${name}' is reserved (it already means something to Kubernetes or DNS): choose another name, such as '${name}-service'.`;
  }
  return undefined;
}

/**
 * Why `port` cannot be the new service's port, or undefined when it is free.
 * @example portProblem(3001, catalog) // "Port 3001 is already used by service 'orders' ..."
 */
export function portProblem(port: unknown, catalog: RepoCatalog): string | undefined {
  const free = nextFreePort(catalog);
  if (
    typeof port !== 'number' ||
    !Number.isInteger(port) ||
    port < lowestPort ||
    port > highestPort
  ) {
    return `The port '${String(port)}' is not valid: use a whole number from ${lowestPort} to ${highestPort}, such as ${free} (the next free one).`;
  }
  const owner = catalog.services.find((s) => s.port === port);
  if (owner) {
    return `Port ${port} is already used by service '${owner.name}' (${serviceManifestPath(owner.name)}): pick a free port, such as ${free}.`;
  }
  return undefined;
}

/**
 * Why a `calls` or `calledBy` list cannot be used, or undefined when every entry names an
 * existing service other than the new one.
 * @example servicesProblem('calls', ['nope'], 'billing', catalog)
 */
export function servicesProblem(
  field: 'calls' | 'calledBy',
  names: readonly string[],
  self: string,
  catalog: RepoCatalog,
): string | undefined {
  const existing = catalog.services.map((s) => s.name);
  const list = existing.length > 0 ? existing.join(', ') : 'none yet';
  const role = field === 'calls' ? 'calls' : 'is called by';
  for (const name of names) {
    if (name === self) {
      return `'${name}' is the new service itself: a service never lists itself in ${field}.`;
    }
    if (!existing.includes(name)) {
      return `The new service ${role} '${name}', but there is no such service (no ${serviceManifestPath(name)}). Existing services: ${list}.`;
    }
  }
  return undefined;
}

/** Every service `from` reaches through `calls`, directly or not. */
function reachable(from: string, catalog: RepoCatalog): Set<string> {
  const seen = new Set<string>();
  const next = [from];
  for (let name = next.pop(); name !== undefined; name = next.pop()) {
    for (const callee of catalog.services.find((s) => s.name === name)?.calls ?? []) {
      if (!seen.has(callee)) {
        seen.add(callee);
        next.push(callee);
      }
    }
  }
  return seen;
}

/**
 * Why the new service's calls would close a loop, or undefined. A caller depends on each
 * callee's package for its client's types, and turbo refuses a cycle of dependencies.
 * @example callCycleProblem({ name: 'billing', calls: ['orders'], calledBy: ['orders'] }, catalog)
 */
function callCycleProblem(
  { name, calls, calledBy }: Pick<ServiceAnswers, 'name' | 'calls' | 'calledBy'>,
  catalog: RepoCatalog,
): string | undefined {
  for (const callee of calls) {
    const loop = calledBy.find(
      (caller) => caller === callee || reachable(callee, catalog).has(caller),
    );
    if (loop !== undefined) {
      const path =
        loop === callee
          ? `${name} → ${callee} → ${name}`
          : `${name} → ${callee} → … → ${loop} → ${name}`;
      return `The calls would form a loop (${path}): each caller depends on its callee's package for the typed client, and a cycle of packages cannot build. Drop '${loop}' from --called-by or '${callee}' from --calls; if the two must talk both ways, send one direction through events instead.`;
    }
  }
  return undefined;
}

/**
 * Why `database` is not one the template can scaffold, or undefined.
 * @example databaseProblem('mysql') // "The database 'mysql' is not one Slipway scaffolds ..."
 */
export function databaseProblem(database: unknown): string | undefined {
  if ((serviceDatabases as readonly unknown[]).includes(database)) return undefined;
  return `The database '${String(database)}' is not one Slipway scaffolds: use ${serviceDatabases.map((d) => `'${d}'`).join(' or ')} (docs/adding-a-database.md).`;
}

/**
 * Why `owner` is not a CODEOWNERS handle, or undefined (also when empty: no owner).
 * @example ownerProblem('payments') // "The owner 'payments' is not a GitHub handle ..."
 */
export function ownerProblem(owner: string): string | undefined {
  if (owner === '' || /^@[\w.-]+(\/[\w.-]+)?$/.test(owner)) return undefined;
  return `The owner '${owner}' is not a GitHub handle: use a team such as '@acme/payments' or a user such as '@alice'.`;
}

/**
 * Normalizes the service generator's answers (from prompts or flags) and checks them all
 * against the repository, before anything is written.
 * @throws GeneratorError listing every problem at once.
 * @example const answers = checkServiceAnswers({ name: 'billing', port: '3004' }, catalog);
 */
export function checkServiceAnswers(data: unknown, catalog: RepoCatalog): ServiceAnswers {
  const raw = serviceAnswersSchema.parse(data);
  const label = raw.name === '' ? 'create a service' : `create service '${raw.name}'`;
  if (catalog.manifestProblem !== undefined) {
    throw new GeneratorError(label, [
      `The existing service manifests are invalid, fix them first (npm test shows the same):\n${catalog.manifestProblem}`,
    ]);
  }
  const problems = [
    nameProblem(raw.name, catalog),
    descriptionProblem(raw.description),
    portProblem(raw.port, catalog),
    servicesProblem('calls', raw.calls, raw.name, catalog),
    servicesProblem('calledBy', raw.calledBy, raw.name, catalog),
    ownerProblem(raw.owner),
    callCycleProblem(raw, catalog),
    databaseProblem(raw.database),
  ].filter((p): p is string => p !== undefined);
  if (problems.length > 0) throw new GeneratorError(label, problems);
  return {
    ...raw,
    description: raw.description === '' ? defaultDescription(raw.name) : raw.description,
    port: raw.port as number,
    database: raw.database as ServiceDatabase,
  };
}
