import { describe, expect, it } from 'vitest';
import { callPolicyDefaults } from '@slipway/platform-contract';
import { resolveCallPolicies } from './call-declarations.ts';
import { ManifestError } from './manifest-error.ts';
import { parseServiceManifest, validateServiceManifest } from './parse-manifest.ts';

const source = { file: 'apps/gateway/service.yaml', folder: 'gateway' };
const manifestWith = (calls: string) =>
  parseServiceManifest(`name: gateway\ndescription: Entry\nport: 3000\ncalls:\n${calls}`, source);

function problemsOf(calls: string) {
  try {
    manifestWith(calls);
  } catch (error) {
    if (error instanceof ManifestError) return error.problems;
    throw error;
  }
  throw new Error('expected a ManifestError');
}

describe('calls: a name or a map with the call policy', () => {
  it('keeps manifest.calls the list of names, whichever form each entry takes', () => {
    const manifest = manifestWith('  - orders\n  - service: stock\n    timeoutMs: 1500\n');

    expect(manifest.calls).toEqual(['orders', 'stock']);
  });

  it('resolves a named callee to the defaults and a declared one field by field over them', () => {
    const manifest = manifestWith(
      '  - orders\n  - service: stock\n    timeoutMs: 1500\n    retry: { attempts: 0 }\n    breaker: { openMs: 2000 }\n',
    );

    expect(resolveCallPolicies(manifest)).toEqual({
      orders: callPolicyDefaults,
      stock: {
        ...callPolicyDefaults,
        timeoutMs: 1500,
        retry: { ...callPolicyDefaults.retry, attempts: 0 },
        breaker: { ...callPolicyDefaults.breaker, openMs: 2000 },
      },
    });
  });

  it('keeps the declarations when a validated manifest is validated again, as infra does', () => {
    const manifest = manifestWith('  - service: stock\n    timeoutMs: 1500\n');

    const again = validateServiceManifest(manifest, source);

    expect(again.calls).toEqual(['stock']);
    expect(resolveCallPolicies(again).stock?.timeoutMs).toBe(1500);
  });

  it.each([
    [
      'a misspelt field, with the nearest valid one',
      '  - service: stock\n    timeotMs: 1500\n',
      'calls.0',
      "unknown field(s) 'timeotMs': did you mean 'timeoutMs'?",
    ],
    [
      'a misspelt nested field',
      '  - service: stock\n    retry: { atempts: 1 }\n',
      'calls.0.retry',
      "unknown field(s) 'atempts': did you mean 'attempts'?",
    ],
    [
      'a value of the wrong type',
      '  - service: stock\n    timeoutMs: soon\n',
      'calls.0.timeoutMs',
      "expected number, got string 'soon'",
    ],
    [
      'a value out of bounds',
      '  - service: stock\n    breaker: { failurePercent: 150 }\n',
      'calls.0.breaker.failurePercent',
      'must be at most 100 (percent of failed calls); 0–100 is allowed, got number 150',
    ],
    [
      'a map without its callee',
      '  - timeoutMs: 1500\n',
      'calls.0.service',
      'is required: expected string',
    ],
    [
      'an entry that is neither form',
      '  - 42\n',
      'calls.0',
      'must be a service name (orders) or a map with the callee and its call policy ({ service: orders, timeoutMs: 1500 }), got number 42',
    ],
    [
      'a callee named twice',
      '  - stock\n  - service: stock\n    timeoutMs: 1500\n',
      'calls.1',
      "names 'stock' again: declare each callee once, with its whole policy",
    ],
    [
      'a backoff cap below its base',
      '  - service: stock\n    retry: { backoffBaseMs: 800 }\n',
      'calls.0.retry.backoffBaseMs',
      'must not exceed backoffMaxMs (500), got number 800',
    ],
  ])('rejects %s, naming the field', (_, calls, field, message) => {
    expect(problemsOf(calls)).toEqual([
      expect.objectContaining({ field, message, location: expect.any(Object) }),
    ]);
  });

  it('still rejects a bad service name written as a plain entry', () => {
    expect(problemsOf('  - Orders\n')).toEqual([
      expect.objectContaining({
        field: 'calls.0',
        message: expect.stringContaining('must be a DNS-1123 label'),
      }),
    ]);
  });

  it('still rejects a call to the service itself, in either form', () => {
    expect(problemsOf('  - service: gateway\n')).toEqual([
      expect.objectContaining({ field: 'calls', message: 'must not name the service itself' }),
    ]);
  });
});
