import { callPolicyVariable, serviceDir, serviceUrlVariable } from '@slipway/platform-contract';
import type { ChangePlan } from '../shared/change-plan.ts';
import { formatGroups } from '../shared/format-files.ts';
import type { Generator } from '../shared/generator.ts';
import type { RepoView } from '../shared/repo-view.ts';
import { templateRecordFile } from '../sync/template-record.ts';
import { addCodeowner } from './codeowners.ts';
import { connectServices } from './connect-services.ts';
import { recordCalls } from './record-calls.ts';
import type { ServiceAnswers } from './service-answers.ts';
import { renderServiceFiles, serviceFacts } from './service-files.ts';
import { servicePrompts } from './service-prompts.ts';
import { checkServiceAnswers } from './service-rules.ts';
import { clientsFolder, wireCallers } from './typed-clients.ts';

/**
 * What to do once the service exists, as the CLI prints it.
 * @example serviceNextSteps(answers)[0] // 'npm run dev: runs every service, billing on http://127.0.0.1:3004 ...'
 */
function serviceNextSteps(answers: ServiceAnswers): string[] {
  const dir = serviceDir(answers.name);
  return [
    `npm run dev: runs every service, ${answers.name} on http://127.0.0.1:${answers.port} (try /livez, /readyz and /openapi.json)`,
    `write your routes in ${dir}/src/routes/ (the example group shows the pattern, tests beside the code)`,
    ...answers.calls.map(
      (callee) =>
        `call ${callee} through its typed client, ${dir}/${clientsFolder}/${callee}-client.ts, built from ${serviceUrlVariable(callee)} and ${callPolicyVariable(callee)} in config (docs/calling-a-service.md)`,
    ),
    ...answers.calledBy.map(
      (caller) =>
        `${caller} may now call ${answers.name}: ${serviceDir(caller)}/${clientsFolder}/${answers.name}-client.ts, with ${serviceUrlVariable(answers.name)} in ${serviceDir(caller)}/src/config.ts`,
    ),
    ...(answers.database === 'postgres'
      ? [
          `${answers.name} keeps its data in PostgreSQL: embedded PGlite locally (${dir}/.data), its own managed PostgreSQL in a cluster (postgres: in service.yaml; the platform sets DATABASE_URL); change ${dir}/src/db/schema.ts, then npm run db:generate --workspace ${dir} (docs/adding-a-database.md)`,
        ]
      : []),
    ...(answers.cache
      ? [
          `${answers.name} has a cache: in-process locally and in unit tests, CACHE_URL (its own managed Valkey/Redis) in a cluster; the example counter in ${dir}/src/cache/ shows the pattern (docs/adding-a-cache.md)`,
        ]
      : []),
    `npm test: typechecks, lints and tests every workspace, ${answers.name} included`,
    `commit ${dir}, package-lock.json and the updated manifests: infra and CI pick ${answers.name} up from ${dir}/service.yaml`,
  ];
}

/**
 * Everything a new service changes: its folder rendered from the templates (with its template
 * record: the templates' version, the answers and the repository's facts); both sides of its
 * calls in the manifests; a typed client in each caller; the calls in the others' template
 * records; its owner in CODEOWNERS. All formatted in one Biome run.
 * @example planService(answers, readRepoView(root)).directories[0]?.path // 'apps/billing'
 */
export function planService(answers: ServiceAnswers, repo: RepoView): ChangePlan {
  const { catalog, files, templates } = repo;
  const dir = serviceDir(answers.name);
  const facts = serviceFacts(answers, catalog, files);
  // The new folder and the edits elsewhere, formatted in one Biome run.
  const { own, edits } = formatGroups(repo.format, {
    own: [
      ...renderServiceFiles(templates, answers, facts),
      templateRecordFile({
        template: 'service',
        version: repo.templateVersion(),
        answers,
        repository: facts,
      }),
    ],
    edits: [
      ...connectServices(answers, files),
      ...wireCallers(answers, repo),
      ...recordCalls(answers, files),
      ...addCodeowner(files, dir, answers.owner),
    ],
  });
  const planned = (group: Map<string, string>) =>
    [...group].map(([path, content]) => ({ path, content }));
  return { directories: [{ path: dir, files: planned(own) }], files: planned(edits), removals: [] };
}

/**
 * The `service` generator: a new service in `apps/<name>` in the shape of the examples,
 * with both sides of its calls declared and the workspace linked.
 * @example await runGenerator(serviceGenerator, { name: 'billing' }, root);
 */
export const serviceGenerator: Generator<ServiceAnswers> = {
  name: 'service',
  description: 'a service in apps/: Hono app on the service kit, config, health, tests, manifest',
  questions: servicePrompts,
  check: checkServiceAnswers,
  plan: planService,
  nextSteps: serviceNextSteps,
};
