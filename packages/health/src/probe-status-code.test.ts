import { expect, it } from 'vitest';
import type { ProbeReport } from './health-check.ts';
import { probeStatusCode } from './probe-status-code.ts';

it.each<[ProbeReport, 200 | 503]>([
  [{ probe: 'liveness', status: 'pass', checks: [] }, 200],
  [{ probe: 'readiness', status: 'fail', reason: 'shutting-down', checks: [] }, 503],
  [{ probe: 'startup', status: 'fail', reason: 'starting', checks: [] }, 503],
])('maps a %o report to %i', (report, code) => {
  expect(probeStatusCode(report)).toBe(code);
});
