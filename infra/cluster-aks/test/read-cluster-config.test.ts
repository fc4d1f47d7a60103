import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { installMocks } from '@slipway/infra-testing';
import { readClusterConfig } from '../src/read-cluster-config.ts';
import { adminGroup, runProgram } from './aks-program.ts';

const project = 'slipway-cluster-aks';
const admins = { adminGroupObjectIds: [adminGroup] };

async function read(config: Record<string, unknown>) {
  await installMocks({
    project,
    config: { 'azure-native:location': 'westeurope', ...config },
  });
  return readClusterConfig(new pulumi.Config(project), new pulumi.Config('azure-native'), 'dev');
}

describe('readClusterConfig', () => {
  it('needs only the location and one admin group; every other setting has a default', async () => {
    expect(await read(admins)).toEqual({
      clusterName: 'slipway-dev',
      location: 'westeurope',
      adminGroupObjectIds: [adminGroup],
    });
  });

  it.each([
    [{}, 'adminGroupObjectIds', 'must list at least one Entra ID group object id'],
    [{ adminGroupObjectIds: [] }, 'adminGroupObjectIds', 'must list at least one'],
    [
      { adminGroupObjectIds: ['admins'] },
      'adminGroupObjectIds[0]',
      'must be a group object id (a GUID), got admins',
    ],
    [
      { ...admins, mode: 'autopilot' },
      'mode',
      'must be one of node-autoprovisioning, automatic, got autopilot',
    ],
    [{ ...admins, skuTier: 'Premium' }, 'skuTier', 'must be one of Standard, Free, got Premium'],
    [
      { ...admins, mode: 'automatic', skuTier: 'Free' },
      'skuTier',
      'must be Standard with mode: automatic',
    ],
    [
      { ...admins, mode: 'automatic', nodePool: { count: 3 } },
      'nodePool',
      'does not apply with mode: automatic',
    ],
    [
      { ...admins, nodePool: { minCount: 3, maxCount: 9 } },
      'nodePool.minCount',
      'is no longer read: node autoprovisioning creates the app nodes and the system pool has a fixed size; write nodePool.count',
    ],
    [{ ...admins, nodePool: { maxCount: 9 } }, 'nodePool.maxCount', 'is no longer read'],
  ])('rejects %o, naming %s and the fix', async (config, field, problem) => {
    await expect(read(config)).rejects.toThrow(`stack config ${field} ${problem}`);
  });
});

describe('the AKS system pool', () => {
  it.each([
    [{ count: 0 }, 'nodePool.count must be a whole number of at least 1, got 0'],
    [
      { count: 2 },
      'nodePool.count must be at least the number of zones (3), one system node in each, got 2',
    ],
  ])('rejects %o, naming the field as the stack config spells it', async (nodePool, message) => {
    await expect(runProgram({ nodePool })).rejects.toThrow(message);
  });
});
