import { describe, expect, it } from 'vitest';
import { manifestWarnings } from './egress-width.ts';
import { ManifestError } from './manifest-error.ts';
import { validateServiceManifest } from './parse-manifest.ts';
import type { ServiceManifestInput } from './schema.ts';

const file = 'apps/billing/service.yaml';

function billing(egress: ServiceManifestInput['egress']) {
  return validateServiceManifest(
    { name: 'billing', port: 3004, egress },
    { file, folder: 'billing' },
  );
}

function problemsOf(egress: ServiceManifestInput['egress']) {
  try {
    billing(egress);
  } catch (error) {
    if (error instanceof ManifestError) return error.problems;
    throw error;
  }
  throw new Error('expected a ManifestError');
}

const rule = (cidr: string, reason?: string) => ({
  name: 'upstream',
  cidr,
  ports: [443],
  ...(reason === undefined ? {} : { reason }),
});

describe('egress to every address', () => {
  it.each(['0.0.0.0/0', '::/0'])(
    'should refuse %s without a reason, naming the field and the fix',
    (cidr) => {
      expect(problemsOf([rule('10.20.30.0/24'), rule(cidr)])).toEqual([
        {
          service: 'billing',
          file,
          field: 'egress.1.cidr',
          message: `must not open egress to every address without a reason: narrow it to the destination's CIDR, or add egress.1.reason saying why it must be open, got string '${cidr}'`,
        },
      ]);
    },
  );

  it('should accept 0.0.0.0/0 with a reason, and not warn about it', () => {
    const manifest = billing([rule('0.0.0.0/0', 'Stripe publishes no stable address ranges')]);
    expect(manifest.egress[0]?.reason).toBe('Stripe publishes no stable address ranges');
    expect(manifestWarnings([{ manifest, file }])).toEqual([]);
  });

  it('should refuse an empty reason', () => {
    const [problem] = problemsOf([rule('0.0.0.0/0', '  ')]);
    expect(problem).toMatchObject({
      field: 'egress.0.reason',
      message: expect.stringContaining('must say why the destination must be this wide'),
    });
  });
});

describe('manifestWarnings', () => {
  it.each([
    ['10.0.0.0/8', 16],
    ['172.16.0.0/12', 16],
    ['2001:db8::/32', 48],
  ])('should warn about %s, wider than /%i, naming the field and the fix', (cidr, widest) => {
    const manifest = billing([rule('10.20.30.0/24'), rule(cidr)]);
    expect(manifestWarnings([{ manifest, file }])).toEqual([
      {
        service: 'billing',
        file,
        field: 'egress.1.cidr',
        message: `'${cidr}' is wider than /${widest}: narrow it to the destination's subnet (a database is usually one /24), or add egress.1.reason saying why it must be this wide`,
      },
    ]);
  });

  it.each(['10.20.0.0/16', '10.20.30.0/24', '203.0.113.7/32', '2001:db8:1::/48'])(
    'should not warn about %s',
    (cidr) => {
      expect(manifestWarnings([{ manifest: billing([rule(cidr)]), file }])).toEqual([]);
    },
  );

  it('should not warn about a wide CIDR whose reason says why', () => {
    const manifest = billing([
      rule('10.0.0.0/8', 'the on-premises network routes any 10/8 address'),
    ]);
    expect(manifestWarnings([{ manifest, file }])).toEqual([]);
  });
});
