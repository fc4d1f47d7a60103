import { callPolicyVariable, serviceUrlVariable } from '@slipway/platform-contract';
import type { PlannedFile } from '../shared/change-plan.ts';
import { renderTemplateFolder } from '../shared/render-templates.ts';
import type { RepoCatalog } from '../shared/repo-catalog.ts';
import type { RepoFiles } from '../shared/repo-files.ts';
import type { ServiceAnswers } from './service-answers.ts';
import { clientFiles } from './typed-clients.ts';

/**
 * What the service templates take from the repository rather than from the answers. Recorded
 * with the answers, so `npm run sync` renders the templates exactly as they were rendered.
 */
export interface ServiceFacts {
  /** The npm scope of the shared packages, e.g. `@slipway`. */
  readonly scope: string;
  /** The root package.json's `engines.node`, repeated by the service. */
  readonly nodeEngine?: string;
  /** Ranges of the libraries the service uses directly, by template field (`hono`, `zod`...). */
  readonly versions: Readonly<Record<string, string>>;
  /** The port of each service it calls, for the local default of `<CALLEE>_URL`. */
  readonly ports: Readonly<Record<string, number>>;
}

type PackageManifest = {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

/**
 * The ranges of the libraries a service uses directly, taken from the shared packages (the
 * service kit first, then the database package, then any workspace) so a new service always
 * matches them and installs offline: they are in the lockfile already.
 */
function libraryVersions(
  { platform, workspaces }: RepoCatalog,
  files: RepoFiles,
  postgres: boolean,
) {
  const first = [`${platform.scope}/service-kit`, `${platform.scope}/database`];
  const ordered = [
    ...first.flatMap((name) => workspaces.filter((w) => w.name === name)),
    ...workspaces.filter((w) => !first.includes(w.name)),
  ];
  const manifests = ordered.map(
    (w) => JSON.parse(files.read(`${w.dir}/package.json`) ?? '{}') as PackageManifest,
  );
  const range = (name: string) => {
    for (const pkg of manifests) {
      const version = pkg.dependencies?.[name] ?? pkg.devDependencies?.[name];
      if (version) return version;
    }
    throw new Error(
      `no workspace depends on ${name}: the service template needs its version (restore ${platform.scope}/service-kit or ${platform.scope}/database)`,
    );
  };
  return {
    hono: range('hono'),
    zodOpenApi: range('@hono/zod-openapi'),
    zod: range('zod'),
    ...(postgres
      ? {
          drizzleOrm: range('drizzle-orm'),
          drizzleKit: range('drizzle-kit'),
          pg: range('pg'),
          typesPg: range('@types/pg'),
        }
      : {}),
  };
}

/**
 * What the templates of `answers` need from the repository as it is now.
 * @example serviceFacts({ name: 'billing', calls: ['orders'], ... }, catalog, files).ports // { orders: 3001 }
 */
export function serviceFacts(
  answers: ServiceAnswers,
  catalog: RepoCatalog,
  files: RepoFiles,
): ServiceFacts {
  const ports: Record<string, number> = {};
  for (const name of answers.calls) {
    const port = catalog.services.find((s) => s.name === name)?.port;
    if (port !== undefined) ports[name] = port;
  }
  return {
    scope: catalog.platform.scope,
    ...(catalog.nodeEngine === undefined ? {} : { nodeEngine: catalog.nodeEngine }),
    versions: libraryVersions(catalog, files, answers.database === 'postgres'),
    ports,
  };
}

/**
 * What the service templates see: the answers, the package scope, library versions, and
 * for each callee the config variable that carries its URL and its local address.
 * @example serviceView({ name: 'billing', calls: ['orders'], ... }, facts).callees[0] // { name: 'orders', variable: 'ORDERS_URL', url: 'http://127.0.0.1:3001', ... }
 */
function serviceView(answers: ServiceAnswers, facts: ServiceFacts) {
  const postgres = answers.database === 'postgres';
  return {
    ...answers,
    scope: facts.scope,
    nodeEngine: facts.nodeEngine,
    postgres,
    // Data services the app is handed at start-up (createApp's deps, a readiness check).
    hasDataServices: postgres || answers.cache,
    hasVariables: postgres || answers.cache || answers.calls.length > 0,
    versions: facts.versions,
    callees: answers.calls.map((name) => ({
      name,
      variable: serviceUrlVariable(name),
      policyVariable: callPolicyVariable(name),
      // What templates recorded before call policies read: sync renders those as merge bases.
      timeoutVariable: serviceUrlVariable(name).replace(/_URL$/, '_TIMEOUT_MS'),
      url: `http://127.0.0.1:${facts.ports[name]}`,
    })),
  };
}

/**
 * Every file the templates make of a service, paths relative to its folder, before
 * formatting: what the generator writes, and what sync merges.
 * @example renderServiceFiles(diskFiles(join(root, 'generators/templates')), answers, facts)
 */
export function renderServiceFiles(
  templates: RepoFiles,
  answers: ServiceAnswers,
  facts: ServiceFacts,
): PlannedFile[] {
  return [
    ...renderTemplateFolder(templates, 'service', serviceView(answers, facts)),
    // A typed client (and its test) of each service it calls; the database with `postgres`, the
    // cache with `cache`.
    ...answers.calls.flatMap((callee) =>
      clientFiles(templates, { scope: facts.scope, caller: answers.name, callee }),
    ),
    ...(answers.database === 'postgres'
      ? renderTemplateFolder(templates, 'service-postgres', serviceView(answers, facts))
      : []),
    ...(answers.cache
      ? renderTemplateFolder(templates, 'service-cache', serviceView(answers, facts))
      : []),
  ];
}
