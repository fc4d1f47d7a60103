import type { ControlPlaneCertificates } from './certificates.ts';

/** Ports and paths one control plane runs on: every port ephemeral, every file in its work dir. */
export interface ControlPlaneLayout {
  readonly workDir: string;
  readonly pki: ControlPlaneCertificates;
  readonly etcdClientPort: number;
  readonly etcdPeerPort: number;
  readonly apiServerPort: number;
  readonly controllerManagerPort: number;
  readonly schedulerPort: number;
  readonly tokenFile: string;
  /** The scheduler's KubeSchedulerConfiguration (scheduler-config.ts). */
  readonly schedulerConfig: string;
  /** kubeconfigs by user: the admin's (tests, kwok), the controller manager's, the scheduler's. */
  readonly kubeconfigs: {
    readonly admin: string;
    readonly controllerManager: string;
    readonly scheduler: string;
  };
}

const loopback = '127.0.0.1';

/**
 * etcd on loopback, in the work dir, without fsync: the data is thrown away after the suite,
 * and fsync is what makes etcd slow on a busy disk.
 */
export function etcdArgs({ workDir, etcdClientPort, etcdPeerPort }: ControlPlaneLayout): string[] {
  const client = `http://${loopback}:${etcdClientPort}`;
  const peer = `http://${loopback}:${etcdPeerPort}`;
  return [
    '--name=default',
    `--data-dir=${workDir}/etcd`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=default=${peer}`,
    '--unsafe-no-fsync',
    '--log-level=warn',
  ];
}

/**
 * kube-apiserver: loopback only, a static token file, RBAC, Pod Security admission named
 * explicitly (it is on by default; naming it makes a build without it fail here, not later).
 */
export function apiServerArgs(layout: ControlPlaneLayout): string[] {
  const { workDir, pki } = layout;
  return [
    `--etcd-servers=http://${loopback}:${layout.etcdClientPort}`,
    `--bind-address=${loopback}`,
    `--advertise-address=${loopback}`,
    `--secure-port=${layout.apiServerPort}`,
    `--cert-dir=${workDir}/apiserver`,
    `--tls-cert-file=${pki.serverCert}`,
    `--tls-private-key-file=${pki.serverKey}`,
    `--client-ca-file=${pki.caCert}`,
    `--token-auth-file=${layout.tokenFile}`,
    '--authorization-mode=RBAC',
    '--enable-admission-plugins=PodSecurity',
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--service-account-key-file=${pki.serviceAccountPublicKey}`,
    `--service-account-signing-key-file=${pki.serviceAccountKey}`,
    '--service-cluster-ip-range=10.96.0.0/16',
    // The kubernetes Service would point at 127.0.0.1, which EndpointSlices refuse; nothing in
    // the suite calls the API from a pod.
    '--endpoint-reconciler-type=none',
    '--profiling=false',
  ];
}

/** Serving and delegated auth of the controller manager and the scheduler. */
function delegatedServing(kubeconfig: string, port: number, certDir: string): string[] {
  return [
    `--authentication-kubeconfig=${kubeconfig}`,
    `--authorization-kubeconfig=${kubeconfig}`,
    `--bind-address=${loopback}`,
    `--secure-port=${port}`,
    `--cert-dir=${certDir}`,
    '--profiling=false',
  ];
}

/** kube-controller-manager: every default controller (ReplicaSets, HPA, disruption, namespaces, garbage collection). */
export function controllerManagerArgs(layout: ControlPlaneLayout): string[] {
  return [
    `--kubeconfig=${layout.kubeconfigs.controllerManager}`,
    '--leader-elect=false',
    ...delegatedServing(
      layout.kubeconfigs.controllerManager,
      layout.controllerManagerPort,
      `${layout.workDir}/controller-manager`,
    ),
    // Each controller acts as its own service account, with the RBAC roles the API server
    // bootstraps for it (as kubeadm sets it up); the manager's own user may do little.
    '--use-service-account-credentials=true',
    `--service-account-private-key-file=${layout.pki.serviceAccountKey}`,
    `--root-ca-file=${layout.pki.caCert}`,
    '--cluster-name=slipway-test',
  ];
}

/**
 * kube-scheduler: its configuration file (scheduler-config.ts: packing, no default spread), so
 * only the constraints a program sets spread pods; it names the kubeconfig and leader election.
 */
export function schedulerArgs(layout: ControlPlaneLayout): string[] {
  return [
    `--config=${layout.schedulerConfig}`,
    ...delegatedServing(
      layout.kubeconfigs.scheduler,
      layout.schedulerPort,
      `${layout.workDir}/scheduler`,
    ),
  ];
}

/** kwok: the kubelet of the annotated fake nodes only, with the stages that make pods Ready. */
export function kwokArgs(
  layout: ControlPlaneLayout,
  stagesFile: string,
  annotation: string,
): string[] {
  return [
    `--kubeconfig=${layout.kubeconfigs.admin}`,
    `--config=${stagesFile}`,
    '--manage-all-nodes=false',
    `--manage-nodes-with-annotation-selector=${annotation}`,
    '--node-lease-duration-seconds=40',
    '--cidr=10.244.0.0/16',
  ];
}
