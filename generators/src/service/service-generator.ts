import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlopGeneratorConfig } from 'node-plop';
import { serviceUrlVariable } from '@slipway/service-manifest';
import type { PlannedFile } from '../shared/change-plan.js';
import { formatFiles } from '../shared/format-files.js';
import { action } from '../shared/plop-actions.js';
import { renderTemplateFolder } from '../shared/render-templates.js';
import type { RepoCatalog } from '../shared/repo-catalog.js';
import { calleeTimeoutVariable } from './caller-config.js';
import { addCodeowner } from './codeowners.js';
import { connectServices } from './connect-services.js';
import type { ServiceAnswers } from './service-answers.js';
import { servicePrompts } from './service-prompts.js';
import { checkServiceAnswers } from './service-rules.js';
import { clientFiles, clientsFolder, wireCallers } from './typed-clients.js';

type PackageManifest = {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

/**
 * The ranges of the libraries a service uses directly, taken from the shared packages (the
 * service kit first, then the database package, then any workspace) so a new service always
 * matches them and installs offline: they are in the lockfile already.
 */
function libraryVersions({ root, platform, workspaces }: RepoCatalog, postgres: boolean) {
  const first = [`${platform.scope}/service-kit`, `${platform.scope}/database`];
  const ordered = [
    ...first.flatMap((name) => workspaces.filter((w) => w.name === name)),
    ...workspaces.filter((w) => !first.includes(w.name)),
  ];
  const manifests = ordered.map((w) => ({
    dir: w.dir,
    pkg: JSON.parse(readFileSync(join(root, w.dir, 'package.json'), 'utf8')) as PackageManifest,
  }));
  const range = (name: string) => {
    for (const { pkg } of manifests) {
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
 * What the service templates see: the answers, the package scope, library versions, and
 * for each callee the config variable that carries its URL and its local address.
 * @example serviceView({ name: 'billing', calls: ['orders'], ... }, catalog).callees[0] // { name: 'orders', variable: 'ORDERS_URL', url: 'http://127.0.0.1:3001' }
 */
export function serviceView(answers: ServiceAnswers, catalog: RepoCatalog) {
  const postgres = answers.database === 'postgres';
  return {
    ...answers,
    scope: catalog.platform.scope,
    nodeEngine: catalog.nodeEngine,
    postgres,
    hasVariables: postgres || answers.calls.length > 0,
    versions: libraryVersions(catalog, postgres),
    callees: answers.calls.map((name) => {
      const port = catalog.services.find((s) => s.name === name)?.port;
      return {
        name,
        variable: serviceUrlVariable(name),
        timeoutVariable: calleeTimeoutVariable(name),
        url: `http://127.0.0.1:${port}`,
      };
    }),
  };
}

/**
 * The files of the new service beyond its template: a typed client (and its test) of each
 * service it calls, and with `--database postgres` the database, its migrations and routes.
 * @example serviceExtraFiles({ ...answers, calls: ['orders'] }, catalog, templatesDir)[0].path // 'src/clients/orders-client.test.ts'
 */
export function serviceExtraFiles(
  answers: ServiceAnswers,
  catalog: RepoCatalog,
  templatesDir: string,
): PlannedFile[] {
  return [
    ...answers.calls.flatMap((callee) =>
      clientFiles(templatesDir, { scope: catalog.platform.scope, caller: answers.name, callee }),
    ),
    ...(answers.database === 'postgres'
      ? renderTemplateFolder(join(templatesDir, 'service-postgres'), serviceView(answers, catalog))
      : []),
  ];
}

/**
 * What to do once the service exists, as the CLI prints it.
 * @example serviceNextSteps(answers)[0] // 'npm run dev: runs every service, billing on http://127.0.0.1:3004 ...'
 */
export function serviceNextSteps(answers: ServiceAnswers): string[] {
  const dir = `apps/${answers.name}`;
  return [
    `npm run dev: runs every service, ${answers.name} on http://127.0.0.1:${answers.port} (try /livez, /readyz and /openapi.json)`,
    `write your routes in ${dir}/src/routes/ (the example group shows the pattern, tests beside the code)`,
    ...answers.calls.map(
      (callee) =>
        `call ${callee} through its typed client, ${dir}/${clientsFolder}/${callee}-client.ts, built from ${serviceUrlVariable(callee)} and ${calleeTimeoutVariable(callee)} in config (docs/calling-a-service.md)`,
    ),
    ...answers.calledBy.map(
      (caller) =>
        `${caller} may now call ${answers.name}: apps/${caller}/${clientsFolder}/${answers.name}-client.ts, with ${serviceUrlVariable(answers.name)} in apps/${caller}/src/config.ts`,
    ),
    ...(answers.database === 'postgres'
      ? [
          `${answers.name} keeps its data in PostgreSQL: embedded PGlite locally (${dir}/.data), DATABASE_URL in a cluster; change ${dir}/src/db/schema.ts, then npm run db:generate --workspace ${dir} (docs/adding-a-database.md)`,
        ]
      : []),
    `npm test: typechecks, lints and tests every workspace, ${answers.name} included`,
    `commit ${dir}, package-lock.json and the updated manifests: infra and CI pick ${answers.name} up from ${dir}/service.yaml`,
  ];
}

/**
 * The `service` generator: a new service in `apps/<name>` in the shape of the examples,
 * with both sides of its calls declared and the workspace linked.
 * @example plop.setGenerator('service', serviceGenerator(readRepoCatalog(root)));
 */
export function serviceGenerator(catalog: RepoCatalog): PlopGeneratorConfig {
  return {
    description: 'a service in apps/: Hono app on the service kit, config, health, tests, manifest',
    prompts: servicePrompts(catalog),
    actions: [
      action<ServiceAnswers>('check', { rules: checkServiceAnswers }),
      action<ServiceAnswers>('render', {
        templates: 'service',
        destination: 'apps/{{name}}',
        view: serviceView,
        extraFiles: serviceExtraFiles,
      }),
      action<ServiceAnswers>('edit', {
        describe: 'declare both sides of its calls',
        edit: (answers, { root }) => connectServices(answers, root),
      }),
      action<ServiceAnswers>('edit', {
        describe: 'give its callers a typed client',
        edit: (answers, catalog, templatesDir) =>
          formatFiles(catalog.root, wireCallers(answers, catalog, templatesDir)),
      }),
      action<ServiceAnswers>('edit', {
        describe: 'add its owner to CODEOWNERS',
        edit: (answers, { root }) => addCodeowner(root, `apps/${answers.name}`, answers.owner),
      }),
      action<ServiceAnswers>('write', { generator: 'service', nextSteps: serviceNextSteps }),
      action('link'),
    ],
  };
}
