import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { networkGraph } from '../render/network-graph.js';
import { renderStack, resolveFromInvocation } from './stack-file.js';

const help = `Usage: npm run graph -- [--stack dev] [--out file.mmd]

Prints a Mermaid flowchart of who may talk to whom on a stack, derived from the NetworkPolicies
the services program renders: service to service (both the caller's egress and the callee's
ingress must allow it), the ingress controller to public services, external CIDRs, and DNS.

Options:
  --stack <name>  dev, staging or prod (default: dev)
  --out <file>    write to a file instead of standard output (folders created if missing)
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
  const { config, services, warnings } = await renderStack(values.stack, { strict: false });
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  const graph = networkGraph(
    services.flatMap((s) => s.objects),
    { ingressNamespace: config.ingressNamespace },
  );
  if (values.out) {
    const out = resolveFromInvocation(values.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, graph);
  } else process.stdout.write(graph);
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
