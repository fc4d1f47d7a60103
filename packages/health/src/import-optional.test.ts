import { expect, it } from 'vitest';
import { importOptional } from './import-optional.ts';

it('tells the user which package to install when an optional peer is missing', async () => {
  // A variable specifier keeps bundlers and tsc from resolving the missing package.
  const missing = 'slipway-health-not-installed';
  await expect(importOptional(missing, 'fooCheck', () => import(missing))).rejects.toThrow(
    `fooCheck needs the optional package '${missing}', which is not installed: run \`npm install ${missing}\`.`,
  );
});

it('rethrows other load errors unchanged', async () => {
  const broken = new Error('syntax error in the package');
  await expect(importOptional('pg', 'postgresCheck', () => Promise.reject(broken))).rejects.toBe(
    broken,
  );
});

it('returns the module when it is installed', async () => {
  const net = await importOptional('node:net', 'tcpCheck', () => import('node:net'));
  expect(typeof net.connect).toBe('function');
});
