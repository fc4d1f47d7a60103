import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudNames, clouds, clusterClouds, clusterProgram, isCloud } from './clouds.ts';
import { findRepositoryRoot } from './repository.ts';

const root = findRepositoryRoot(import.meta.dirname);

describe('clouds', () => {
  it('lists every cloud, none last, and offers those with a cluster program', () => {
    expect(cloudNames).toEqual(['aws', 'gcp', 'azure', 'none']);
    expect(clusterClouds).toEqual(['aws', 'gcp', 'azure']);
  });

  it("names each cloud's login variables, and none for none", () => {
    expect(clouds.none.requiredVariables).toEqual([]);
    for (const cloud of clusterClouds)
      expect(clouds[cloud].requiredVariables.length).toBeGreaterThan(0);
  });

  it.each(['aws', 'gcp', 'azure'] as const)(
    'points %s at a cluster program this repository has, unless init removed it',
    (cloud) => {
      expect(clusterProgram(cloud)).toMatch(/^infra\/cluster-/);
      const kept = clusterClouds.filter((c) => existsSync(join(root, clusterProgram(c))));
      expect(kept.length).toBeGreaterThan(0);
    },
  );

  it('tells cloud names from other text', () => {
    expect(isCloud('gcp')).toBe(true);
    expect(isCloud('mars')).toBe(false);
    expect(isCloud('toString')).toBe(false);
  });
});
