import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { waitUntil } from '../control-plane/wait-until.ts';
import { expectOk, type KubeClient, type KubeObject } from '../kube/kube-client.ts';
import { objectPath } from '../kube/workloads.ts';
import type { JsonAnswer, SendJson } from './order-traffic.ts';

/** Sends one JSON request to the gateway by its host name (TLS server name and Host header). */
export const sendJson: SendJson = (target, req) => {
  const url = new URL(req.path, target.url);
  const body = req.body === undefined ? undefined : JSON.stringify(req.body);
  return new Promise<JsonAnswer>((resolve, reject) => {
    const client = request(
      url,
      {
        method: req.method,
        timeout: 10_000,
        ...(target.host ? { servername: target.host } : {}),
        ...(target.ca ? { ca: target.ca } : {}),
        headers: {
          ...(target.host ? { host: target.host } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            body: text.startsWith('{') ? JSON.parse(text) : text,
            headers: res.headers,
          });
        });
      },
    );
    client.on('timeout', () => client.destroy(new Error('timed out')));
    client.on('error', reject);
    client.end(body);
  });
};

interface Gateway extends KubeObject {
  readonly spec: {
    readonly listeners: readonly {
      readonly tls?: { readonly certificateRefs?: readonly { name: string }[] };
    }[];
  };
}

/**
 * Gives the environment's Gateway the certificate its HTTPS listener names (cert-manager would
 * issue it; it is off on kind): the Secret name is read from the live Gateway, not restated.
 * @example await installGatewayCertificate(kube, 'slipway-e2e', pki);
 */
export async function installGatewayCertificate(
  kube: KubeClient,
  namespace: string,
  pki: { serverCert: string; serverKey: string },
): Promise<string> {
  const [gateway] = await kube.list<Gateway>(
    objectPath('gateway.networking.k8s.io/v1', namespace, 'gateways'),
  );
  const name = gateway?.spec.listeners.flatMap((l) => l.tls?.certificateRefs ?? [])[0]?.name;
  if (!gateway || !name) throw new Error(`no Gateway with an HTTPS listener in ${namespace}`);
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'kubernetes.io/tls',
    metadata: { name, namespace },
    data: {
      'tls.crt': readFileSync(pki.serverCert).toString('base64'),
      'tls.key': readFileSync(pki.serverKey).toString('base64'),
    },
  };
  const res = await kube.create(objectPath('v1', namespace, 'secrets'), secret);
  if (res.status !== 409) expectOk(res, 'POST', `secret ${namespace}/${name}`);
  return gateway.metadata.name;
}

/** The Service in front of the proxies Envoy Gateway runs for one Gateway. */
export function proxyService(
  kube: KubeClient,
  proxyNamespace: string,
  gateway: string,
  namespace: string,
): Promise<string> {
  const selector = encodeURIComponent(
    `gateway.envoyproxy.io/owning-gateway-name=${gateway},gateway.envoyproxy.io/owning-gateway-namespace=${namespace}`,
  );
  return waitUntil(
    async () =>
      (
        await kube.list<KubeObject>(
          `${objectPath('v1', proxyNamespace, 'services')}?labelSelector=${selector}`,
        )
      )[0]?.metadata.name,
    { what: `Envoy Gateway's proxy Service for ${namespace}/${gateway}`, timeoutMs: 300_000 },
  );
}
