/**
 * The kind end-to-end run (.github/workflows/e2e-kind.yml), one phase per workflow step:
 *   images          build every service's image with docker/Dockerfile and load it into kind
 *   deploy          pulumi up the platform (Envoy Gateway) and the services, real CLI, file backend
 *   traffic         an order placed through the gateway and read back
 *   rolling-update  every service rolled under steady load: no failed request, no reset
 *   destroy         pulumi destroy both stacks
 * Usage: npm run e2e:kind -w @slipway/infra-cluster-tests -- <phase>
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadServiceManifests } from '@slipway/service-manifest';
import { generateCertificates } from '../control-plane/certificates.js';
import type { ManagedProcess } from '../control-plane/managed-process.js';
import { waitUntil } from '../control-plane/wait-until.js';
import { KubeClient, type KubeObject } from '../kube/kube-client.js';
import { readKubeconfig } from '../kube/kubeconfig.js';
import { objectPath } from '../kube/workloads.js';
import { readPulumiProject } from '../pulumi/program-entry.js';
import {
  installGatewayCertificate,
  portForward,
  proxyService,
  sendJson,
} from './gateway-access.js';
import { kindE2e, kindE2eRun, kindImage } from './kind-e2e-settings.js';
import { buildAndLoadImages, retagImages } from './kind-images.js';
import { kindPlatformConfig, kindServicesConfig } from './kind-stacks.js';
import { generateLoad, type LoadTarget } from './load-generator.js';
import { formatLoadReport, loadProblems } from './load-report.js';
import { orderLoad, orderRoundTrip } from './order-traffic.js';
import { cliConfig, PulumiCli } from './pulumi-cli.js';

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

function setImages(images: Record<string, string>): void {
  const platformStack = `organization/${platform.name}/${kindE2e.stack}`;
  const { plain, secrets } = kindServicesConfig(manifests, images, platformStack, run.databaseUrl);
  servicesStack.cli.setConfig(cliConfig(plain, servicesStack.name));
  servicesStack.cli.setSecrets(servicesStack.name, secrets);
}

/** Reaches the gateway service's public host through a port-forward to the Envoy proxies. */
async function gatewayTarget(
  kube: KubeClient,
): Promise<{ target: LoadTarget; forward: ManagedProcess }> {
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
  const { url, forward } = await portForward(
    run.kubeconfig,
    run.dir,
    kindE2e.proxyNamespace,
    service,
  );
  const publicUrl = (servicesStack.cli.output('services') as Record<string, { publicUrl?: string }>)
    .gateway?.publicUrl;
  if (!publicUrl) throw new Error('the services stack has no public URL for gateway');
  // The CA the deploy phase signed the listener's certificate with.
  const ca = readFileSync(join(run.dir, 'pki', 'ca.crt'), 'utf8');
  return { target: { url, host: new URL(publicUrl).host, ca }, forward };
}

async function withGateway(use: (target: LoadTarget) => Promise<void>): Promise<void> {
  const kube = new KubeClient(readKubeconfig(run.kubeconfig));
  const { target, forward } = await gatewayTarget(kube);
  try {
    await use(target);
  } finally {
    await forward.stop();
    kube.close();
  }
}

const phases: Record<string, () => Promise<void>> = {
  images: async () => {
    buildAndLoadImages(repoRoot, services, tags.first);
  },
  deploy: async () => {
    platform.cli.select();
    platform.cli.setConfig(cliConfig(kindPlatformConfig(), platform.name));
    platform.cli.up();
    const kube = new KubeClient(readKubeconfig(run.kubeconfig));
    await installGatewayCertificate(kube, kindE2e.namespace, pki());
    kube.close();
    servicesStack.cli.select();
    setImages(Object.fromEntries(services.map((s) => [s, kindImage(s, tags.first)])));
    servicesStack.cli.up();
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
  'rolling-update': () =>
    withGateway(async (target) => {
      const id = await waitUntil(() => orderRoundTrip(target, sendJson), {
        what: 'an order round trip',
        timeoutMs: 180_000,
      });
      const controller = new AbortController();
      const load = generateLoad({ target, next: orderLoad(id), signal: controller.signal });
      setImages(retagImages(repoRoot, services, tags.first, tags.second));
      servicesStack.cli.up();
      // pulumi up returns once the new pods are ready; the old ones drain after it.
      const kube = new KubeClient(readKubeconfig(run.kubeconfig));
      await waitUntil(
        async () =>
          (await kube.list<KubeObject>(objectPath('v1', kindE2e.namespace, 'pods'))).every(
            (p) => !('deletionTimestamp' in p.metadata),
          ),
        { what: 'the old pods to finish draining', timeoutMs: 180_000 },
      );
      kube.close();
      controller.abort();
      const report = await load;
      console.info(`load during the rolling update: ${formatLoadReport(report)}`);
      const problems = loadProblems(report, 100);
      if (problems.length > 0)
        throw new Error(`the rolling update dropped traffic:\n${problems.join('\n')}`);
    }),
  destroy: async () => {
    servicesStack.cli.destroy();
    platform.cli.destroy();
  },
};

const phase = process.argv[2] ?? '';
const step = phases[phase];
if (!step) {
  console.error(`usage: run-kind-e2e.ts <${Object.keys(phases).join('|')}>`);
  process.exit(2);
}
await step();
