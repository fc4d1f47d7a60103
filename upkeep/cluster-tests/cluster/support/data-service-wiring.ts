import { isDeepStrictEqual } from 'node:util';
import {
  dataServiceKinds,
  dataServiceVariables,
  secretFileVariable,
  secretMountPath,
} from '@slipway/platform-contract';
import type { ServiceManifest } from '@slipway/service-manifest';
import type { KubeClient, KubeObject } from '../../src/kube/kube-client.ts';
import { type Deployment, objectPath } from '../../src/kube/workloads.ts';
import { existingServerFor } from './stack-config.ts';

type WithData = KubeObject & { data?: Record<string, string> };
type EgressPolicy = KubeObject & { spec: { egress: { to?: unknown[]; ports?: unknown[] }[] } };
type PodSpec = {
  containers: { envFrom?: { configMapRef?: { name: string } }[] }[];
  volumes: { secret?: { secretName: string } }[];
};

/**
 * What is wrong, live, with the wiring of a service's declared data services (on the existing
 * servers the suite's stack config names): each URL in the Secret and never in the ConfigMap, the
 * ConfigMap's `<NAME>_FILE` pointing at the mounted file, one egress rule to the server's CIDR and
 * port, and the pods reading that ConfigMap and mounting that Secret. Empty when all is right.
 * @example expect(await dataServiceWiringProblems(kube, 'slipway-dev', orders)).toEqual([]);
 */
export async function dataServiceWiringProblems(
  kube: KubeClient,
  namespace: string,
  manifest: ServiceManifest,
): Promise<string[]> {
  const name = manifest.name;
  const get = <T extends KubeObject>(group: string, plural: string, object: string) =>
    kube.get<T>(objectPath(group, namespace, plural, object));
  const secret = await get<WithData>('v1', 'secrets', name);
  const config = (await get<WithData>('v1', 'configmaps', name))?.data ?? {};
  const policy = await get<EgressPolicy>(
    'networking.k8s.io/v1',
    'networkpolicies',
    `${name}-egress`,
  );
  const deployment = await get<Deployment>('apps/v1', 'deployments', name);
  const problems: string[] = [];
  for (const kind of dataServiceKinds.filter((k) => manifest[k])) {
    const server = existingServerFor(name, kind);
    const { url } = dataServiceVariables[kind];
    if (Buffer.from(secret?.data?.[url] ?? '', 'base64').toString() !== server.url)
      problems.push(`${name}: Secret ${url} is not the ${kind} server's URL`);
    if (url in config || JSON.stringify(config).includes(server.url))
      problems.push(`${name}: the ConfigMap holds the ${kind} URL`);
    if (config[secretFileVariable(url)] !== `${secretMountPath}/${url}`)
      problems.push(`${name}: ConfigMap ${secretFileVariable(url)} is not the mounted file`);
    const rule = {
      to: [{ ipBlock: { cidr: server.cidr } }],
      ports: [{ port: server.port, protocol: 'TCP' }],
    };
    // Compared by value: the API server returns the fields in an order of its own.
    if (!policy?.spec.egress.some((r) => isDeepStrictEqual(r, rule)))
      problems.push(`${name}: no egress rule to ${server.cidr}:${server.port} (${kind})`);
  }
  const pod = deployment?.spec.template.spec as unknown as PodSpec | undefined;
  if (!pod?.containers[0]?.envFrom?.some((from) => from.configMapRef?.name === name))
    problems.push(`${name}: the pods do not take their environment from ConfigMap ${name}`);
  if (!pod?.volumes.some((volume) => volume.secret?.secretName === name))
    problems.push(`${name}: the pods do not mount Secret ${name}`);
  return problems;
}
