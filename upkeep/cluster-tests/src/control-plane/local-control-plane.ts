import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { request } from 'node:https';
import { join } from 'node:path';
import { KubeClient } from '../kube/kube-client.ts';
import { kubeconfigYaml } from '../kube/kubeconfig.ts';
import { generateCertificates } from './certificates.ts';
import {
  apiServerArgs,
  type ControlPlaneLayout,
  controllerManagerArgs,
  etcdArgs,
  kwokArgs,
  schedulerArgs,
} from './component-args.ts';
import { createFakeNodes, kwokNodeAnnotation } from './fake-nodes.ts';
import { freePort } from './free-port.ts';
import { type ManagedProcess, startProcess, untilReady } from './managed-process.ts';
import { schedulerConfiguration } from './scheduler-config.ts';
import { waitUntil } from './wait-until.ts';

/** The binaries a local control plane needs, all in the assets folder. */
const controlPlaneBinaries = [
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'kwok',
] as const;

/** The kwok stages file `upkeep/cluster-tools/build.sh` puts beside the binaries. */
const kwokStagesFile = 'kwok-stages.yaml';

/** A running control plane. */
export interface LocalControlPlane {
  /** The admin's kubeconfig (a static token). */
  readonly kubeconfig: string;
  readonly processes: readonly ManagedProcess[];
  /** Stops every process, newest first; idempotent. */
  stop(): Promise<void>;
}

/** 200 from a loopback health endpoint; the components serve it on self-signed certificates. */
function healthy(url: string, token?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const options = {
      timeout: 2_000,
      rejectUnauthorized: false,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    };
    const done = (res: { statusCode?: number; resume(): void }) => {
      res.resume();
      resolve(res.statusCode === 200);
    };
    const req = url.startsWith('https:') ? request(url, options, done) : get(url, options, done);
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

async function layoutIn(workDir: string): Promise<ControlPlaneLayout> {
  for (const dir of ['pki', 'etcd', 'apiserver', 'controller-manager', 'scheduler', 'logs']) {
    mkdirSync(join(workDir, dir), { recursive: true, mode: 0o700 });
  }
  return {
    workDir,
    pki: generateCertificates(join(workDir, 'pki')),
    etcdClientPort: await freePort(),
    etcdPeerPort: await freePort(),
    apiServerPort: await freePort(),
    controllerManagerPort: await freePort(),
    schedulerPort: await freePort(),
    tokenFile: join(workDir, 'tokens.csv'),
    schedulerConfig: join(workDir, 'scheduler', 'config.json'),
    kubeconfigs: {
      admin: join(workDir, 'admin.kubeconfig'),
      controllerManager: join(workDir, 'controller-manager.kubeconfig'),
      scheduler: join(workDir, 'scheduler.kubeconfig'),
    },
  };
}

/** One random token per identity, written as the API server's static token file and kubeconfigs. */
function writeIdentities(layout: ControlPlaneLayout, server: string): string {
  const ca = readFileSync(layout.pki.caCert, 'utf8');
  const identities = [
    { user: 'slipway-admin', groups: 'system:masters', file: layout.kubeconfigs.admin },
    {
      user: 'system:kube-controller-manager',
      groups: '',
      file: layout.kubeconfigs.controllerManager,
    },
    { user: 'system:kube-scheduler', groups: '', file: layout.kubeconfigs.scheduler },
  ].map((identity) => ({ ...identity, token: randomBytes(24).toString('hex') }));
  writeFileSync(
    layout.tokenFile,
    identities.map(({ token, user, groups }) => `${token},${user},${user},"${groups}"\n`).join(''),
    { mode: 0o600 },
  );
  for (const { token, user, file } of identities) {
    writeFileSync(file, kubeconfigYaml({ server, ca, token, user }), { mode: 0o600 });
  }
  return identities[0]?.token ?? '';
}

/**
 * Starts etcd, kube-apiserver, kube-controller-manager, kube-scheduler and kwok from `assets`,
 * all on 127.0.0.1 and ephemeral ports, in `workDir`, then registers the fake nodes (five, in
 * three zones, uneven: fake-nodes.ts). Each step waits for the component's health endpoint; a component that dies while
 * awaited fails the start with its log, and whatever started is stopped again.
 * @example const cluster = await startLocalControlPlane({ assets, workDir }); await cluster.stop();
 */
export async function startLocalControlPlane({
  assets,
  workDir,
}: {
  assets: string;
  workDir: string;
}): Promise<LocalControlPlane> {
  const missing = [...controlPlaneBinaries, kwokStagesFile].filter(
    (f) => !existsSync(join(assets, f)),
  );
  if (missing.length > 0)
    throw new Error(
      `${assets} lacks ${missing.join(', ')}: run bash upkeep/cluster-tools/build.sh`,
    );
  const layout = await layoutIn(workDir);
  const server = `https://127.0.0.1:${layout.apiServerPort}`;
  const token = writeIdentities(layout, server);
  writeFileSync(
    layout.schedulerConfig,
    JSON.stringify(schedulerConfiguration(layout.kubeconfigs.scheduler)),
  );
  const processes: ManagedProcess[] = [];
  const start = (name: string, args: string[]) => {
    const child = startProcess({
      name,
      command: join(assets, name),
      args,
      logFile: join(workDir, 'logs', `${name}.log`),
      cwd: workDir,
    });
    processes.push(child);
    return child;
  };
  const stop = async () => {
    for (const child of processes.reverse()) await child.stop();
    processes.length = 0;
  };
  const ready = (child: ManagedProcess, url: string, bearer?: string) =>
    untilReady(
      child,
      waitUntil(() => healthy(url, bearer), {
        what: `${child.name} at ${url}`,
        timeoutMs: 120_000,
      }),
    );
  try {
    await ready(
      start('etcd', etcdArgs(layout)),
      `http://127.0.0.1:${layout.etcdClientPort}/health`,
    );
    await ready(start('kube-apiserver', apiServerArgs(layout)), `${server}/readyz`, token);
    const controllerManager = start('kube-controller-manager', controllerManagerArgs(layout));
    const scheduler = start('kube-scheduler', schedulerArgs(layout));
    await ready(controllerManager, `https://127.0.0.1:${layout.controllerManagerPort}/healthz`);
    await ready(scheduler, `https://127.0.0.1:${layout.schedulerPort}/healthz`);
    const annotation = `${kwokNodeAnnotation.key}=${kwokNodeAnnotation.value}`;
    const kwok = start('kwok', kwokArgs(layout, join(assets, kwokStagesFile), annotation));
    const kube = new KubeClient({ server, ca: readFileSync(layout.pki.caCert, 'utf8'), token });
    try {
      await untilReady(kwok, createFakeNodes(kube));
    } finally {
      kube.close();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { kubeconfig: layout.kubeconfigs.admin, processes: [...processes], stop };
}
