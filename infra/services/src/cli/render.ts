import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import type { RenderedRelease } from '@slipway/infra-platform/render';
import type { RenderedObject } from '@slipway/infra-testing/render';
import { dataServicesYaml, renderEnvironment, serviceYaml } from '../render/render-services.ts';
import { renderPlatformStack } from './platform-stack-file.ts';
import { loadStack, resolveFromInvocation } from './stack-file.ts';

const help = `Usage: npm run render -- [--stack dev] --out <dir> [--platform | --services] [--strict]

Writes what \`pulumi up\` would apply to one environment, without a cloud, a cluster or the
Pulumi CLI, secret values masked:
  <dir>/platform/objects.yaml        the platform program's objects: namespaces with Pod Security
                                     labels, default-deny policies, the Gateway and its redirect,
                                     issuers, backup schedule (from infra/platform/Pulumi.<stack>.yaml)
  <dir>/platform/helm-releases.yaml  the charts it installs: chart, repository, version, values
                                     (charts are not expanded offline)
  <dir>/services/<service>.yaml      each service's objects (from infra/services/Pulumi.<stack>.yaml);
                                     with the platform's monitoring on, its PrometheusRule (SLO,
                                     crash-loop and autoscaler alerts) and dashboard ConfigMap
  <dir>/services/_environment.yaml   the environment's own objects (certificate alerts), with
                                     monitoring on
  <dir>/services/<service>.data.yaml its data services (postgres, cache), for a service that declares
                                     any: what serves each, its egress range and port, its cloud
                                     resources (type, name, inputs)
Data services are provisioned on the data network of platform.json's cloud, as its cluster
program exports it (no cluster stack is read), unless the stack config names an existing server
(dataServices). Images and secrets that CI sets at deploy time are rendered as placeholders with a
warning, unless --strict.

Options:
  --stack <name>  dev, staging or prod (default: dev)
  --out <dir>     folder to write to (created if missing)
  --platform      only the platform's files
  --services      only the services' files
  --strict        fail like \`pulumi up\` when an image or a secret is not configured
  --help          show this help
`;

const { values } = parseArgs({
  options: {
    stack: { type: 'string', default: 'dev' },
    out: { type: 'string' },
    platform: { type: 'boolean', default: false },
    services: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help || !values.out) {
  process.stdout.write(help);
  process.exit(values.help ? 0 : 2);
}

const documents = (items: readonly object[]) =>
  items.map((item) => `---\n${stringify(item, { lineWidth: 0 })}`).join('');
const header = (what: string) =>
  `# ${what} on stack '${values.stack}', rendered by \`npm run render\` (secret values masked).\n`;

/** Writes a file and says so, the way each file of the render is reported. */
function write(file: string, content: string, count: number, noun: string) {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, content);
  process.stdout.write(`${file}: ${count} ${noun}${count === 1 ? '' : 's'}\n`);
}

try {
  const out = resolveFromInvocation(values.out);
  const both = values.platform === values.services;
  // The services attach to the platform's gateway: its outputs are needed either way.
  const platform = await renderPlatformStack(values.stack);
  if (both || values.platform) {
    const objects: readonly RenderedObject[] = platform.objects;
    const releases: readonly RenderedRelease[] = platform.releases;
    write(
      join(out, 'platform', 'objects.yaml'),
      header('The platform') + documents(objects),
      objects.length,
      'object',
    );
    write(
      join(out, 'platform', 'helm-releases.yaml'),
      header('The Helm releases of the platform') + documents(releases),
      releases.length,
      'release',
    );
  }
  if (both || values.services) {
    const { manifests, config, dataNetwork, warnings } = loadStack(values.stack, {
      strict: values.strict,
    });
    for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
    const { services, shared } = await renderEnvironment(
      manifests,
      config,
      platform.outputs,
      dataNetwork ? { dataNetwork } : {},
    );
    // '_' starts no service's name (a DNS label), so no service's file is overwritten.
    if (shared.length > 0)
      write(
        join(out, 'services', '_environment.yaml'),
        header(`The objects of environment '${config.environment}'`) + documents(shared),
        shared.length,
        'object',
      );
    for (const service of services) {
      write(
        join(out, 'services', `${service.name}.yaml`),
        serviceYaml(service, values.stack),
        service.objects.length,
        'object',
      );
      if (service.dataServices.length > 0)
        write(
          join(out, 'services', `${service.name}.data.yaml`),
          dataServicesYaml(service, values.stack),
          service.dataServices.length,
          'data service',
        );
    }
  }
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
