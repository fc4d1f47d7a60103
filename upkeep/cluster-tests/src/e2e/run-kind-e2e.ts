/**
 * The kind end-to-end run (.github/workflows/e2e-kind.yml), one phase per workflow step:
 *   images          build every service's image with docker/Dockerfile and load it into kind
 *   deploy          pulumi up the platform (Envoy Gateway) and the services, real CLI, file backend
 *   traffic         an order placed through the gateway and read back
 *   edge-guards     HSTS on an HTTPS answer, and 429s once one client sends over its rate limit
 *   rolling-update  every service rolled under steady load: answers served while pulumi up ran,
 *                   no failed request, no reset
 *   destroy         pulumi destroy both stacks
 * Usage: npm run e2e:kind -w @slipway/upkeep-cluster-tests -- <phase>
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadServiceManifests } from '@slipway/service-manifest';
import { generateCertificates } from '../control-plane/certificates.ts';
import { waitUntil } from '../control-plane/wait-until.ts';
import { KubeClient, type KubeObject } from '../kube/kube-client.ts';
import { readKubeconfig } from '../kube/kubeconfig.ts';
import { objectPath } from '../kube/workloads.ts';
import { readPulumiProject } from '../pulumi/program-entry.ts';
import { edgeGuardProblems } from './edge-guards.ts';
import { installGatewayCertificate, proxyService, sendJson } from './gateway-access.ts';
import { gatewayServiceUrl } from './gateway-node-port.ts';
import { waitForEdge } from './gateway-status.ts';
import { kindE2e, kindE2eRun, kindImage } from './kind-e2e-settings.ts';
import { buildAndLoadImages, retagImages } from './kind-images.ts';
import { kindPlatformConfig, kindServicesConfig } from './kind-stacks.ts';
import type { LoadTarget } from './load-generator.ts';
import { formatLoadReport, rolloutProblems } from './load-report.ts';
import { clientRateLimit, orderLoad, orderLoadPerSecond, orderRoundTrip } from './order-traffic.ts';
import { cliConfig, PulumiCli } from './pulumi-cli.ts';
import { rollUnderLoad } from './roll-under-load.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const tags = { first: 'e2e-1', second: 'e2e-2' } as const;
const run = kindE2eRun();
mkdirSync(run.dir, { recursive: true });
const manifests = loadServiceManifests(repoRoot);
const services = manifests.map((m) => m.name);
const project = (name: 'platform' | 'services') => {
  const dir = join(repoRoot, 'infra', name);
  return { dir, name: readPulumiProject(dir).name, cli: new PulumiCli(dir, kindE2e.stack, run) };
};
const platform = project('platform');
const servicesStack = project('services');
const pki = () => generateCertificates(mkdirTemp('pki'), [`DNS:*.${kindE2e.domain}`]);

function mkdirTemp(name: string): string {
  const dir = join(run.dir, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function setImages(images: Record<string, string>): Promise<void> {
  const platformStack = `organization/${platform.name}/${kindE2e.stack}`;
  const { plain, secrets } = kindServicesConfig(manifests, images, platformStack, run.databaseUrl);
  await servicesStack.cli.setConfig(cliConfig(plain, servicesStack.name));
  await servicesStack.cli.setSecrets(servicesStack.name, secrets);
}

/**
 * The gateway service's public host, reached through the Service in front of the Envoy proxies
 * (its node port on a node that runs a proxy), once the Gateway is Programmed and every
 * HTTPRoute Accepted with its refs resolved.
 */
async function gatewayTarget(kube: KubeClient): Promise<LoadTarget> {
  const hosts = await waitForEdge(kube, kindE2e.namespace, 300_000);
  const [gateway] = await kube.list<KubeObject>(
    objectPath('gateway.networking.k8s.io/v1', kindE2e.namespace, 'gateways'),
  );
  if (!gateway) throw new Error(`no Gateway in ${kindE2e.namespace}: run the deploy phase first`);
  const service = await proxyService(
    kube,
    kindE2e.proxyNamespace,
    gateway.metadata.name,
    kindE2e.namespace,
  );
  const url = await waitUntil(() => gatewayServiceUrl(kube, kindE2e.proxyNamespace, service), {
    what: `a node port with a ready proxy behind Service ${kindE2e.proxyNamespace}/${service}`,
    timeoutMs: 180_000,
  });
  const outputs = (await servicesStack.cli.output('services')) as Record<
    string,
    { publicUrl?: string }
  >;
  const publicUrl = outputs.gateway?.publicUrl;
  if (!publicUrl) throw new Error('the services stack has no public URL for gateway');
  // The Host header picks the route: it must be one an accepted HTTPRoute names.
  const host = new URL(publicUrl).host;
  if (!hosts.includes(host))
    throw new Error(
      `no HTTPRoute in ${kindE2e.namespace} names ${host} (routes: ${hosts.join(', ')})`,
    );
  // The CA the deploy phase signed the listener's certificate with.
  const ca = readFileSync(join(run.dir, 'pki', 'ca.crt'), 'utf8');
  console.info(`traffic for ${host} goes to ${url} (Service ${kindE2e.proxyNamespace}/${service})`);
  return { url, host, ca };
}

async function withGateway(use: (target: LoadTarget) => Promise<void>): Promise<void> {
  const kube = new KubeClient(readKubeconfig(run.kubeconfig));
  try {
    await use(await gatewayTarget(kube));
  } finally {
    kube.close();
  }
}

async function oldPodsDrained(): Promise<void> {
  // pulumi up returns once the new pods are ready; the old ones drain after it.
  const kube = new KubeClient(readKubeconfig(run.kubeconfig));
  try {
    await waitUntil(
      async () =>
        (await kube.list<KubeObject>(objectPath('v1', kindE2e.namespace, 'pods'))).every(
          (p) => !('deletionTimestamp' in p.metadata),
        ),
      { what: 'the old pods to finish draining', timeoutMs: 180_000 },
    );
  } finally {
    kube.close();
  }
}

/** The public service the load goes through (the services stack's `gateway` output). */
function publicService() {
  const manifest = manifests.find((m) => m.name === 'gateway');
  if (!manifest) throw new Error('no apps/gateway/service.yaml: the load goes through it');
  return manifest;
}

const phases: Record<string, () => Promise<void>> = {
  images: async () => {
    await buildAndLoadImages(repoRoot, services, tags.first);
  },
  deploy: async () => {
    await platform.cli.select();
    await platform.cli.setConfig(cliConfig(kindPlatformConfig(), platform.name));
    await platform.cli.up();
    const kube = new KubeClient(readKubeconfig(run.kubeconfig));
    await installGatewayCertificate(kube, kindE2e.namespace, pki());
    kube.close();
    await servicesStack.cli.select();
    await setImages(Object.fromEntries(services.map((s) => [s, kindImage(s, tags.first)])));
    await servicesStack.cli.up();
  },
  traffic: () =>
    withGateway(async (target) => {
      // The proxies pick the routes up a moment after they exist: poll the round trip.
      const id = await waitUntil(() => orderRoundTrip(target, sendJson), {
        what: 'an order round trip through the gateway',
        timeoutMs: 180_000,
      });
      console.info(`order ${id} placed through ${target.host} and read back`);
    }),
  'edge-guards': () =>
    withGateway(async (target) => {
      const limit = clientRateLimit(publicService());
      const problems = await edgeGuardProblems(target, sendJson, limit);
      if (problems.length > 0)
        throw new Error(`the gateway does not guard ${target.host}:\n${problems.join('\n')}`);
      console.info(`${target.host}: HSTS on HTTPS answers, 429 over ${limit} requests a second`);
    }),
  'rolling-update': () =>
    withGateway(async (target) => {
      const id = await waitUntil(() => orderRoundTrip(target, sendJson), {
        what: 'an order round trip',
        timeoutMs: 180_000,
      });
      // Every step runs asynchronously, so the load keeps flowing while kind loads the images
      // and pulumi up rolls the services; the verdict needs answers inside that window.
      const report = await rollUnderLoad({
        target,
        next: orderLoad(id),
        // Under the gateway's rate limit per client: the whole load comes from this runner.
        maxPerSecond: orderLoadPerSecond(publicService()),
        prepare: async () =>
          setImages(await retagImages(repoRoot, services, tags.first, tags.second)),
        rollout: () => servicesStack.cli.up(),
        settle: oldPodsDrained,
      });
      console.info(
        `load during the rolling update: ${formatLoadReport(report)}; ${report.servedDuringRollout} served while pulumi up ran (${report.rolloutMs} ms)`,
      );
      const problems = rolloutProblems(report, 100);
      if (problems.length > 0)
        throw new Error(`the rolling update dropped traffic:\n${problems.join('\n')}`);
    }),
  destroy: async () => {
    await servicesStack.cli.destroy();
    await platform.cli.destroy();
  },
};

const phase = process.argv[2] ?? '';
const step = phases[phase];
if (!step) {
  console.error(`usage: run-kind-e2e.ts <${Object.keys(phases).join('|')}>`);
  process.exit(2);
}
await step();
