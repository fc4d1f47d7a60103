import { describe, expect, it } from 'vitest';
import { parseDevPort, serviceUrl } from './dev-port.ts';

describe('parseDevPort', () => {
  it.each([
    ['3001', 3001],
    ['65535', 65535],
  ])('should accept PORT=%s', (value, port) => {
    expect(parseDevPort(value)).toBe(port);
  });

  it.each(['abc', '', '0', '65536', '30a1', '-1', ' 3001', '3001.5'])(
    'should refuse PORT=%j with a message naming it',
    (value) => {
      expect(() => parseDevPort(value)).toThrow(`PORT=${value} is not a port number`);
    },
  );
});

describe('serviceUrl', () => {
  it.each([
    ['127.0.0.1', 'http://127.0.0.1:3001'],
    ['0.0.0.0', 'http://127.0.0.1:3001'],
    ['::', 'http://127.0.0.1:3001'],
    ['::1', 'http://[::1]:3001'],
  ])('should call a service listening on %s at %s', (host, url) => {
    expect(serviceUrl(host, 3001)).toBe(url);
  });
});
