import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { kubeconfigYaml, readKubeconfig } from './kubeconfig.ts';

const dirs: string[] = [];
function write(content: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-kubeconfig-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'config'), content);
  return join(dir, 'config');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const withUser = (user: Record<string, unknown>) =>
  stringify({
    'current-context': 'kind-slipway',
    clusters: [
      {
        name: 'kind',
        cluster: { server: 'https://127.0.0.1:6443', 'certificate-authority': 'ca.crt' },
      },
    ],
    users: [{ name: 'admin', user }],
    contexts: [{ name: 'kind-slipway', context: { cluster: 'kind', user: 'admin' } }],
  });

describe('readKubeconfig', () => {
  it('reads back the token kubeconfig the control plane writes', () => {
    const path = write(
      kubeconfigYaml({
        server: 'https://127.0.0.1:1234',
        ca: 'CA PEM',
        token: 't0k',
        user: 'admin',
      }),
    );
    expect(readKubeconfig(path)).toEqual({
      server: 'https://127.0.0.1:1234',
      ca: 'CA PEM',
      token: 't0k',
    });
  });

  it('reads a client certificate inline and a CA file relative to the kubeconfig, as kind writes them', () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const path = write(
      withUser({ 'client-certificate-data': b64('CERT'), 'client-key-data': b64('KEY') }),
      {
        'ca.crt': 'CA FILE',
      },
    );
    expect(readKubeconfig(path)).toEqual({
      server: 'https://127.0.0.1:6443',
      ca: 'CA FILE',
      cert: 'CERT',
      key: 'KEY',
    });
  });

  it('refuses a context that logs in through an exec plugin, naming it', () => {
    const path = write(withUser({ exec: { command: 'aws' } }), { 'ca.crt': 'CA' });
    expect(() => readKubeconfig(path)).toThrow('context kind-slipway logs in through a plugin');
  });
});
