import { describe, expect, it } from 'vitest';
import { inspectorFlag, inspectorPort } from './inspector.ts';

describe('inspectorPort', () => {
  it.each([
    [3000, '', 9229],
    [3001, '', 9230],
    [3001, '9300', 9300],
  ])('should give port %i with --inspect=%j the inspector port %i', (port, requested, expected) => {
    expect(inspectorPort(port, requested)).toBe(expected);
  });

  it.each(['0.0.0.0:9229', 'abc', '0', '70000'])('should refuse --inspect=%s', (requested) => {
    expect(() => inspectorPort(3000, requested)).toThrow(`--inspect=${requested} is not a port`);
  });

  it('should ask for a port when the default would pass 65535', () => {
    expect(() => inspectorPort(60_000, '')).toThrow('use --inspect=<port>');
  });
});

describe('inspectorFlag', () => {
  it('should open the inspector on loopback only', () => {
    expect(inspectorFlag(9230)).toBe('--inspect=127.0.0.1:9230');
  });
});
