import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RecordedResource } from '@slipway/infra-testing';
import { runGkeProgram } from './helpers/gke-program.ts';

/** The example stack's settings, as `pulumi stack init dev` would read them. */
const devConfig = (
  parse(readFileSync(new URL('../Pulumi.dev.yaml', import.meta.url), 'utf8')) as {
    config: Record<string, unknown>;
  }
).config;

/** What a run registers, without the order of registration. */
const byName = (resources: readonly RecordedResource[]) =>
  Object.fromEntries(resources.map((r) => [`${r.type}::${r.name}`, r.inputs]));

describe('the example stack (Pulumi.dev.yaml)', () => {
  let fromExample: RecordedResource[];
  let fromDefaults: RecordedResource[];

  beforeAll(async () => {
    ({ resources: fromExample } = await runGkeProgram(devConfig));
    ({ resources: fromDefaults } = await runGkeProgram({
      'gcp:project': devConfig['gcp:project'],
      'gcp:region': devConfig['gcp:region'],
    }));
  });

  it('states the defaults: it creates exactly what the provider config alone creates', () => {
    expect(fromExample.length).toBeGreaterThan(0);
    expect(byName(fromExample)).toEqual(byName(fromDefaults));
  });
});
