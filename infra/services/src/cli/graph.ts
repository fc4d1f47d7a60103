import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadServiceManifests } from '@slipway/service-manifest';
import { networkGraph } from '../render/network-graph.js';
import { renderServices } from '../render/render-services.js';
import { resolveStackConfig } from '../stack-config.js';
import { fillForRender, readStackFile, repoRoot } from './stack-file.js';

const help = `Usage: npm run graph -- [--stack dev] [--out file.mmd]

Prints a Mermaid flowchart of who may talk to whom on a stack, derived from the NetworkPolicies
the services program renders: service to service (both the caller's egress and the callee's
ingress must allow it), the ingress controller to public services, external CIDRs, and DNS.

Options:
  --stack <name>  dev, staging or prod (default: dev)
  --out <file>    write to a file instead of standard output
  --help          show this help
`;

const { values } = parseArgs({
  options: {
    stack: { type: 'string', default: 'dev' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  process.stdout.write(help);
  process.exit(0);
}

try {
  const manifests = loadServiceManifests(repoRoot);
  const { input } = fillForRender(readStackFile(values.stack), manifests);
  const config = resolveStackConfig(values.stack, input);
  const services = await renderServices(manifests, config);
  const graph = networkGraph(
    services.flatMap((s) => s.objects),
    { ingressNamespace: config.ingressNamespace },
  );
  if (values.out) writeFileSync(values.out, graph);
  else process.stdout.write(graph);
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
