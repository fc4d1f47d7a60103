import { describe, expect, it } from 'vitest';
import { environmentProfiles, serviceReplicas } from './environment-profiles.ts';
import { environments } from './schema.ts';

describe('environmentProfiles', () => {
  it('has a profile for every environment', () => {
    expect(Object.keys(environmentProfiles).sort()).toEqual([...environments].sort());
  });

  it('makes dev smaller: capped replicas and proxies, daily backups kept a week', () => {
    const { dev, prod } = environmentProfiles;
    expect(dev.maxReplicasCap).toBe(3);
    expect(dev.gatewayProxies.maxReplicas).toBeLessThan(prod.gatewayProxies.maxReplicas);
    expect(dev.backups).toEqual({ schedule: '0 3 * * *', ttl: '168h0m0s' });
  });

  it('backs staging and prod up hourly and keeps thirty days', () => {
    for (const environment of ['staging', 'prod'] as const)
      expect(environmentProfiles[environment].backups).toEqual({
        schedule: '0 * * * *',
        ttl: '720h0m0s',
      });
  });

  it('refuses an unbalanced zone spread only in prod, over three zones', () => {
    expect(environmentProfiles.prod.zoneSpread).toEqual({
      whenUnsatisfiable: 'DoNotSchedule',
      minDomains: 3,
    });
    expect(environmentProfiles.dev.zoneSpread).toEqual({ whenUnsatisfiable: 'ScheduleAnyway' });
    expect(environmentProfiles.staging.zoneSpread).toEqual({ whenUnsatisfiable: 'ScheduleAnyway' });
  });

  it('keeps every proxy minimum at 2, so their PDB (minAvailable 1) never blocks a drain', () => {
    for (const { gatewayProxies } of Object.values(environmentProfiles)) {
      expect(gatewayProxies.minReplicas).toBeGreaterThanOrEqual(2);
      expect(gatewayProxies.maxReplicas).toBeGreaterThan(gatewayProxies.minReplicas);
    }
  });
});

describe('serviceReplicas', () => {
  it.each([
    ['dev', { min: 2, max: 10 }, { min: 2, max: 3 }],
    ['dev', { min: 2, max: 3 }, { min: 2, max: 3 }],
    // A minimum at or above the cap keeps one replica of room to scale.
    ['dev', { min: 4, max: 8 }, { min: 4, max: 5 }],
    ['staging', { min: 2, max: 10 }, { min: 2, max: 10 }],
    ['prod', { min: 2, max: 10 }, { min: 2, max: 10 }],
  ] as const)('%s: manifest replicas %o scale within %o', (environment, replicas, expected) => {
    expect(serviceReplicas(replicas, environment)).toEqual(expected);
  });
});
