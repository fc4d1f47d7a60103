import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fixturePlatformOutputs } from '../render/fixture-platform-outputs.js';
import { renderServices, serviceYaml } from '../render/render-services.js';
import { loadStack, resolveFromInvocation } from './stack-file.js';

const help = `Usage: npm run render -- [--stack dev] --out <dir> [--strict]

Writes the Kubernetes objects the services program would apply to a stack, one multi-document
YAML file per service (<dir>/<service>.yaml), without a cloud, a cluster or the Pulumi CLI.
Secret values are masked. Config comes from Pulumi.<stack>.yaml; images and secrets that CI sets
at deploy time are rendered as placeholders with a warning, unless --strict. The platform stack's
outputs (the gateway public services attach to) are a stand-in gateway for the namespace.

Options:
  --stack <name>  dev, staging or prod (default: dev)
  --out <dir>     folder to write to (created if missing)
  --strict        fail like \`pulumi up\` when an image or a secret is not configured
  --help          show this help
`;

const { values } = parseArgs({
  options: {
    stack: { type: 'string', default: 'dev' },
    out: { type: 'string' },
    strict: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help || !values.out) {
  process.stdout.write(help);
  process.exit(values.help ? 0 : 2);
}

try {
  const { manifests, config, warnings } = loadStack(values.stack, { strict: values.strict });
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  // Until the platform program renders offline too, its outputs are a stand-in: replace this
  // with the outputs of a platform render (PlatformOutputs) of the same stack.
  const platform = fixturePlatformOutputs([config.namespace]);
  const services = await renderServices(manifests, config, platform);
  const out = resolveFromInvocation(values.out);
  mkdirSync(out, { recursive: true });
  for (const service of services) {
    const file = join(out, `${service.name}.yaml`);
    writeFileSync(file, serviceYaml(service, values.stack));
    process.stdout.write(`${file}: ${service.objects.length} objects\n`);
  }
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
