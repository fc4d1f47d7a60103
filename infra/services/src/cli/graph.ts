import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { networkGraph } from '../render/network-graph.ts';
import { renderServices } from '../render/render-services.ts';
import { renderPlatformStack } from './platform-stack-file.ts';
import { loadStack, resolveFromInvocation } from './stack-file.ts';

const help = `Usage: npm run graph -- [--stack dev] [--out file.mmd]

Prints a Mermaid flowchart of who may talk to whom on a stack, derived from the NetworkPolicies
the services program renders: the Internet through the environment's gateway to public services,
service to service (both the caller's egress and the callee's ingress must allow it), each
service to its own data services ("orders postgres (<what serves it>)", on the data network of
platform.json's cloud or an existing server), external CIDRs, DNS and, with the platform's
monitoring on, the OpenTelemetry collector. The gateway and the collector are the platform
stack's, rendered from infra/platform/Pulumi.<stack>.yaml.

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
  const { manifests, config, dataNetwork, warnings } = loadStack(values.stack, { strict: false });
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  const platform = (await renderPlatformStack(values.stack)).outputs;
  const services = await renderServices(
    manifests,
    config,
    platform,
    dataNetwork ? { dataNetwork } : {},
  );
  const graph = networkGraph(
    services.flatMap((s) => s.objects),
    {
      gateway: platform.gateways?.[config.namespace],
      ...(platform.monitoring ? { monitoring: platform.monitoring } : {}),
    },
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
