import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { waitUntil } from '../control-plane/wait-until.ts';
import { expectOk, type KubeClient, type KubeObject } from './kube-client.ts';

interface Crd extends KubeObject {
  readonly status?: { readonly conditions?: readonly { type: string; status: string }[] };
}

/**
 * The standard-channel Gateway API CRD files of a release, from its Go module: `go mod download`
 * fetches it from the module proxy once (the Helm chart that normally installs them is not
 * reachable offline), then it comes from the module cache.
 * @example gatewayApiCrdFiles('v1.6.1') // ['…/config/crd/standard/gateway.networking.k8s.io_gateways.yaml', …]
 */
export function gatewayApiCrdFiles(version: string): string[] {
  const json = execFileSync(
    'go',
    ['mod', 'download', '-json', `sigs.k8s.io/gateway-api@${version}`],
    {
      cwd: tmpdir(),
      encoding: 'utf8',
      env: { ...process.env, GOFLAGS: '-mod=mod' },
    },
  );
  const { Dir: dir } = JSON.parse(json) as { Dir?: string };
  if (!dir) throw new Error(`go mod download sigs.k8s.io/gateway-api@${version}: no folder`);
  const folder = join(dir, 'config/crd/standard');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => join(folder, file));
}

/**
 * Creates the CRDs in the files that the cluster lacks (one it has is left as it is) and waits
 * until each is Established, so the objects of its kinds can be created at once.
 * @example await installCrds(kube, gatewayApiCrdFiles(gatewayApiVersion));
 */
export async function installCrds(kube: KubeClient, files: readonly string[]): Promise<string[]> {
  const path = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
  const names: string[] = [];
  for (const file of files) {
    for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
      const crd = document.toJS() as Crd | null;
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      const res = await kube.create(path, crd);
      if (res.status !== 409) expectOk(res, 'POST', `${path} (${crd.metadata.name})`);
      names.push(crd.metadata.name);
    }
  }
  for (const name of names) {
    await waitUntil(
      async () =>
        (await kube.get<Crd>(`${path}/${name}`))?.status?.conditions?.some(
          (c) => c.type === 'Established' && c.status === 'True',
        ),
      { what: `CRD ${name} to be Established` },
    );
  }
  return names;
}
