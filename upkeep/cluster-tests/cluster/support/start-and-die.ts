/**
 * Starts etcd the way the control plane does, prints its pid, then ends as told: `throw` (an
 * uncaught error) or `wait` (until killed). The teardown tests check etcd does not outlive it.
 * Usage: node start-and-die.ts <throw|wait> <assets folder> <work folder>
 */
import { join } from 'node:path';
import { freePort } from '../../src/control-plane/free-port.ts';
import { startProcess } from '../../src/control-plane/managed-process.ts';

const [mode, assets = '', workDir = ''] = process.argv.slice(2);
const [client, peer] = [await freePort(), await freePort()];
const etcd = startProcess({
  name: 'etcd',
  command: join(assets, 'etcd'),
  args: [
    `--data-dir=${join(workDir, 'etcd')}`,
    `--listen-client-urls=http://127.0.0.1:${client}`,
    `--advertise-client-urls=http://127.0.0.1:${client}`,
    `--listen-peer-urls=http://127.0.0.1:${peer}`,
    `--initial-advertise-peer-urls=http://127.0.0.1:${peer}`,
    `--initial-cluster=default=http://127.0.0.1:${peer}`,
  ],
  logFile: join(workDir, 'etcd.log'),
});
process.stdout.write(`${etcd.pid}\n`);
if (mode === 'throw') {
  setTimeout(() => {
    throw new Error('failed on purpose, with etcd running');
  }, 500);
} else {
  setInterval(() => undefined, 60_000);
}
