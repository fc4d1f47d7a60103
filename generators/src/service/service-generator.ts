import type { PlopGeneratorConfig } from 'node-plop';
import { serviceUrlVariable } from '@slipway/service-manifest';
import type { PlannedFile } from '../shared/change-plan.ts';
import { formatFiles } from '../shared/format-files.ts';
import { action } from '../shared/plop-actions.ts';
import type { RepoCatalog } from '../shared/repo-catalog.ts';
import { templateRecordFile } from '../sync/template-record.ts';
import { repositoryHash, templateTreeId } from '../sync/template-tree.ts';
import { calleeTimeoutVariable } from './caller-config.ts';
import { addCodeowner } from './codeowners.ts';
import { connectServices } from './connect-services.ts';
import { recordCalls } from './record-calls.ts';
import type { ServiceAnswers } from './service-answers.ts';
import { serviceExtraFiles, serviceFacts, serviceView } from './service-files.ts';
import { servicePrompts } from './service-prompts.ts';
import { checkServiceAnswers } from './service-rules.ts';
import { clientsFolder, wireCallers } from './typed-clients.ts';

/**
 * The files of the new service beyond its template folder, its template record included:
 * the version of the templates it is rendered from, the answers and the repository's facts.
 */
function extraFiles(
  answers: ServiceAnswers,
  catalog: RepoCatalog,
  templatesDir: string,
): PlannedFile[] {
  const facts = serviceFacts(answers, catalog);
  const version = templateTreeId(templatesDir, repositoryHash(catalog.root));
  return [
    ...serviceExtraFiles(answers, facts, templatesDir),
    templateRecordFile({ template: 'service', version, answers, repository: facts }),
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
        view: (answers, catalog) => serviceView(answers, serviceFacts(answers, catalog)),
        extraFiles,
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
        describe: "note its calls in the others' template records",
        edit: (answers, { root }) => formatFiles(root, recordCalls(answers, root)),
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
