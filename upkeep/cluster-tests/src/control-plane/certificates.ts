import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files of the throwaway PKI one control plane runs on. */
export interface ControlPlaneCertificates {
  readonly caCert: string;
  readonly caKey: string;
  /** kube-apiserver's serving certificate, for 127.0.0.1 and the in-cluster names. */
  readonly serverCert: string;
  readonly serverKey: string;
  /** The service-account token signing key pair. */
  readonly serviceAccountKey: string;
  readonly serviceAccountPublicKey: string;
}

/** The names clients reach the API server by: loopback here, the Service inside the cluster. */
const apiServerNames = [
  'IP:127.0.0.1',
  'DNS:localhost',
  'DNS:kubernetes',
  'DNS:kubernetes.default',
  'DNS:kubernetes.default.svc',
  'DNS:kubernetes.default.svc.cluster.local',
];

function openssl(dir: string, args: readonly string[]): void {
  execFileSync('openssl', [...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * A CA valid for a day, a server certificate it signs for `serverNames` (openssl
 * `subjectAltName` entries; the API server's by default) and a service-account key pair, all
 * written to `dir`. openssl signs the certificates (node:crypto cannot issue X.509); P-256 keys
 * keep generation instant.
 * @example const pki = generateCertificates(join(workDir, 'pki'));
 */
export function generateCertificates(
  dir: string,
  serverNames: readonly string[] = apiServerNames,
): ControlPlaneCertificates {
  const files = {
    caCert: join(dir, 'ca.crt'),
    caKey: join(dir, 'ca.key'),
    serverCert: join(dir, 'apiserver.crt'),
    serverKey: join(dir, 'apiserver.key'),
    serviceAccountKey: join(dir, 'service-account.key'),
    serviceAccountPublicKey: join(dir, 'service-account.pub'),
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(dir, [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '1',
    '-subj',
    '/CN=slipway-test-ca',
  ]);
  openssl(dir, [
    'req',
    '-new',
    ...ec,
    '-keyout',
    'apiserver.key',
    '-out',
    'apiserver.csr',
    '-subj',
    '/CN=kube-apiserver',
  ]);
  writeFileSync(
    join(dir, 'apiserver.ext'),
    `subjectAltName=${serverNames.join(',')}\nextendedKeyUsage=serverAuth\n`,
  );
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'apiserver.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'apiserver.crt',
    '-days',
    '1',
    '-extfile',
    'apiserver.ext',
  ]);
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  writeFileSync(files.serviceAccountKey, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
    mode: 0o600,
  });
  writeFileSync(files.serviceAccountPublicKey, publicKey.export({ type: 'spki', format: 'pem' }));
  return files;
}
