import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root } from './workflow-files.ts';

interface Update {
  'package-ecosystem': string;
  directory?: string;
  directories?: string[];
  cooldown?: Record<string, number>;
  groups?: Record<string, { patterns?: string[]; 'update-types'?: string[] }>;
  ignore?: { 'dependency-name': string; 'update-types'?: string[] }[];
}

const config = parse(readFileSync(join(root, '.github/dependabot.yml'), 'utf8')) as {
  updates: Update[];
};
const update = (ecosystem: string) =>
  config.updates.find((u) => u['package-ecosystem'] === ecosystem);
// Dependabot refuses the whole file when an ecosystem that does not version by semver (docker,
// github-actions) is given a per-semver cooldown.
const semverCooldowns = ['semver-major-days', 'semver-minor-days', 'semver-patch-days'];

describe('Dependabot', () => {
  it('updates the runtime image, the pinned actions and the npm lockfile', () => {
    expect(config.updates.map((u) => u['package-ecosystem'])).toEqual([
      'docker',
      'github-actions',
      'npm',
    ]);
    expect(update('npm')?.directory).toBe('/');
  });

  it('reads the workflows and every local composite action for pinned actions', () => {
    const directories = update('github-actions')?.directories ?? [];
    expect(directories).toEqual(['/', '/.github/actions/*']);
    expect(readdirSync(join(root, '.github/actions')).length).toBeGreaterThan(0);
  });

  it('holds every update back a week, an npm major a month, with per-semver days on npm only', () => {
    for (const { 'package-ecosystem': ecosystem, cooldown = {} } of config.updates) {
      expect([ecosystem, cooldown['default-days']]).toEqual([ecosystem, 7]);
      if (ecosystem !== 'npm') {
        expect([
          ecosystem,
          Object.keys(cooldown).filter((k) => semverCooldowns.includes(k)),
        ]).toEqual([ecosystem, []]);
      }
    }
    expect(update('npm')?.cooldown?.['semver-major-days']).toBe(30);
  });

  it('groups npm minor and patch releases into one pull request, and the actions into one', () => {
    expect(update('npm')?.groups).toEqual({
      'npm-minor-and-patch': { patterns: ['*'], 'update-types': ['minor', 'patch'] },
    });
    expect(update('github-actions')?.groups).toEqual({ actions: { patterns: ['*'] } });
  });

  it('keeps Node on its line: no major of the image or of its types', () => {
    const major = ['version-update:semver-major'];
    expect(update('docker')?.ignore).toContainEqual({
      'dependency-name': 'node',
      'update-types': major,
    });
    expect(update('npm')?.ignore).toContainEqual({
      'dependency-name': '@types/node',
      'update-types': major,
    });
  });
});
