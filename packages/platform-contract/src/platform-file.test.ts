import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  formatPlatformFile,
  isRegistry,
  PlatformFileError,
  parsePlatformFile,
  readPlatformFile,
  templatePlatformFile,
} from './platform-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'platform-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('platform.json', () => {
  it('reads the template settings when the file is absent', () => {
    expect(readPlatformFile(dir)).toEqual(templatePlatformFile);
  });

  it('reads a fork and writes it back in schema order', () => {
    const fork = {
      cloud: 'none',
      initialized: true,
      repository: 'acme/platform',
      scope: '@acme',
      registry: 'ghcr.io/acme',
    };
    writeFileSync(join(dir, 'platform.json'), JSON.stringify(fork));
    expect(readPlatformFile(dir)).toEqual(fork);
    expect(formatPlatformFile(readPlatformFile(dir))).toBe(
      '{\n  "scope": "@acme",\n  "registry": "ghcr.io/acme",\n  "cloud": "none",\n  "repository": "acme/platform",\n  "initialized": true\n}\n',
    );
  });

  it("takes the template's value for an absent field", () => {
    expect(parsePlatformFile({ registry: 'ghcr.io/acme' })).toEqual({
      ...templatePlatformFile,
      registry: 'ghcr.io/acme',
    });
  });

  it('names every invalid field', () => {
    const parse = () =>
      parsePlatformFile({ scope: 'acme', registry: '', cloud: 'mars', repository: 'acme', x: 1 });
    expect(parse).toThrow(PlatformFileError);
    expect(parse).toThrow(/scope: must be '@'.*registry: .*cloud: .*repository: .*top level/);
  });

  it('refuses a file that is not JSON', () => {
    writeFileSync(join(dir, 'platform.json'), '{');
    expect(() => readPlatformFile(dir)).toThrow(/platform.json is not valid JSON/);
  });

  it.each([
    ['ghcr.io/acme', true],
    ['localhost:5000/acme', true],
    ['ghcr.io/Acme', false],
    ['https://ghcr.io/acme', false],
  ])('tells whether %s is a registry path', (registry, valid) => {
    expect(isRegistry(registry)).toBe(valid);
  });
});
