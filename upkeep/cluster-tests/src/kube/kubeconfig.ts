import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import type { KubeCredentials } from './kube-client.ts';

interface KubeconfigFile {
  readonly 'current-context'?: string;
  readonly clusters?: readonly { name: string; cluster: Record<string, unknown> }[];
  readonly users?: readonly { name: string; user: Record<string, unknown> }[];
  readonly contexts?: readonly { name: string; context: { cluster: string; user: string } }[];
}

/**
 * The credentials of a kubeconfig's current context: a token or a client certificate, inline or
 * in files relative to it. Exec plugins (cloud logins) are refused by name: the suite's client
 * does not run them.
 * @example const credentials = readKubeconfig(process.env.KUBECONFIG);
 */
export function readKubeconfig(path: string): KubeCredentials {
  const file = parse(readFileSync(path, 'utf8')) as KubeconfigFile;
  const base = dirname(path);
  const contextName = file['current-context'];
  const context = file.contexts?.find((c) => c.name === contextName)?.context;
  if (!context) throw new Error(`${path}: no current context`);
  const cluster = file.clusters?.find((c) => c.name === context.cluster)?.cluster;
  const user = file.users?.find((u) => u.name === context.user)?.user ?? {};
  if (typeof cluster?.server !== 'string')
    throw new Error(`${path}: context ${contextName} names no cluster server`);
  if ('exec' in user || 'auth-provider' in user) {
    throw new Error(
      `${path}: context ${contextName} logs in through a plugin; give the suite a kubeconfig with a token or a client certificate`,
    );
  }
  const pem = (data: unknown, file: unknown): string | undefined => {
    if (typeof data === 'string') return Buffer.from(data, 'base64').toString('utf8');
    if (typeof file === 'string') return readFileSync(resolve(base, file), 'utf8');
    return undefined;
  };
  const ca = pem(cluster['certificate-authority-data'], cluster['certificate-authority']);
  const cert = pem(user['client-certificate-data'], user['client-certificate']);
  const key = pem(user['client-key-data'], user['client-key']);
  const token =
    typeof user.token === 'string'
      ? user.token
      : typeof user.tokenFile === 'string'
        ? readFileSync(resolve(base, user.tokenFile), 'utf8').trim()
        : undefined;
  return {
    server: cluster.server,
    ...(ca ? { ca } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
    ...(token ? { token } : {}),
  };
}

/**
 * A one-context kubeconfig for a token user, the CA given inline.
 * @example writeFileSync(path, kubeconfigYaml({ server, ca, token, user: 'admin' }));
 */
export function kubeconfigYaml({
  server,
  ca,
  token,
  user,
}: {
  server: string;
  ca: string;
  token: string;
  user: string;
}): string {
  const name = 'slipway-test';
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': name,
    clusters: [
      {
        name,
        cluster: { server, 'certificate-authority-data': Buffer.from(ca).toString('base64') },
      },
    ],
    users: [{ name: user, user: { token } }],
    contexts: [{ name, context: { cluster: name, user } }],
  });
}
