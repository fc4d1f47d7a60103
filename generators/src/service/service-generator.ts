import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlopGeneratorConfig } from 'node-plop';
import { serviceUrlVariable } from '@slipway/service-manifest';
import { action } from '../shared/plop-actions.js';
import type { RepoCatalog } from '../shared/repo-catalog.js';
import { addCodeowner } from './codeowners.js';
import { connectServices } from './connect-services.js';
import type { ServiceAnswers } from './service-answers.js';
import { servicePrompts } from './service-prompts.js';
import { checkServiceAnswers } from './service-rules.js';

/**
 * The ranges of the libraries a service uses directly, taken from the service kit so a new
 * service always matches it (and installs offline: they are in the lockfile already).
 */
function libraryVersions({ root, platform, workspaces }: RepoCatalog) {
  const kit = workspaces.find((w) => w.name === `${platform.scope}/service-kit`);
  if (!kit)
    throw new Error(
      `no ${platform.scope}/service-kit workspace: the service template builds on it`,
    );
  const pkg: { dependencies?: Record<string, string> } = JSON.parse(
    readFileSync(join(root, kit.dir, 'package.json'), 'utf8'),
  );
  const range = (name: string) => {
    const version = pkg.dependencies?.[name];
    if (!version) throw new Error(`${kit.dir}/package.json has no dependency on ${name}`);
    return version;
  };
  return { hono: range('hono'), zodOpenApi: range('@hono/zod-openapi'), zod: range('zod') };
}

/**
 * What the service templates see: the answers, the package scope, library versions, and
 * for each callee the config variable that carries its URL and its local address.
 * @example serviceView({ name: 'billing', calls: ['orders'], ... }, catalog).callees[0] // { name: 'orders', variable: 'ORDERS_URL', url: 'http://127.0.0.1:3001' }
 */
export function serviceView(answers: ServiceAnswers, catalog: RepoCatalog) {
  return {
    ...answers,
    scope: catalog.platform.scope,
    nodeEngine: catalog.nodeEngine,
    versions: libraryVersions(catalog),
    callees: answers.calls.map((name) => {
      const port = catalog.services.find((s) => s.name === name)?.port;
      return { name, variable: serviceUrlVariable(name), url: `http://127.0.0.1:${port}` };
    }),
  };
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
        `call ${callee} with the URL in ${serviceUrlVariable(callee)} (${dir}/src/config.ts); local dev and infra set it from the manifests`,
    ),
    ...answers.calledBy.map(
      (caller) =>
        `${caller} may now call ${answers.name}: read ${serviceUrlVariable(answers.name)} in apps/${caller}/src/config.ts`,
    ),
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
      }),
      action<ServiceAnswers>('edit', {
        describe: 'declare both sides of its calls',
        edit: (answers, { root }) => connectServices(answers, root),
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
