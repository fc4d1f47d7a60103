import { describe, expect, it } from 'vitest';
import { gatewayTrafficDefaults } from '@slipway/platform-contract';
import { hstsProblems, rateLimitProblems } from './edge-guards.ts';
import type { LoadReport } from './load-generator.ts';

const hsts = `max-age=${gatewayTrafficDefaults.hstsMaxAgeSeconds}; includeSubDomains`;

describe('hstsProblems', () => {
  it('passes an answer with the listener HSTS', () => {
    const answer = { status: 200, body: {}, headers: { 'strict-transport-security': hsts } };
    expect(hstsProblems(answer)).toEqual([]);
  });

  it.each([
    [{}, 'no Strict-Transport-Security header on GET /livez (200)'],
    [{ 'strict-transport-security': 'max-age=60' }, "Strict-Transport-Security is 'max-age=60'"],
  ])('names what is missing from %j', (headers, problem) => {
    expect(hstsProblems({ status: 200, body: {}, headers })).toEqual([
      expect.stringContaining(problem),
    ]);
  });
});

describe('rateLimitProblems', () => {
  const report = (fields: Partial<LoadReport>): LoadReport => ({
    sent: 2000,
    succeeded: 1500,
    failedByStatus: {},
    resets: 0,
    errors: {},
    latencyMs: { p50: 1, p99: 2, max: 3 },
    ...fields,
  });

  it('passes a burst that saw 429s and no other failure', () => {
    expect(rateLimitProblems(report({ failedByStatus: { 429: 500 } }))).toEqual([]);
  });

  it('names a burst the gateway never limited', () => {
    expect(rateLimitProblems(report({ succeeded: 2000 }))).toEqual([
      'no 429 among 2000 requests sent back to back from one client',
    ]);
  });

  it('names every other failure beside the 429s', () => {
    const problems = rateLimitProblems(
      report({ failedByStatus: { 429: 5, 503: 2 }, resets: 1, errors: { ETIMEDOUT: 3 } }),
    );
    expect(problems).toEqual([
      '2 answers were 503, not 2xx or 429',
      '1 connections reset',
      '3 requests failed with ETIMEDOUT',
    ]);
  });
});
