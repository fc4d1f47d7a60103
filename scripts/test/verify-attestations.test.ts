import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAttestationsCommand } from '../src/commands/verify-attestations.ts';
import { checkAttestations, verifyBuiltImages } from '../src/verify-attestations.ts';

/**
 * `gh attestation verify --format json` output for ghcr.io/acme/orders@sha256:5e1f…, attested
 * by acme/platform's deploy workflow on main (the shape gh 2.x prints: sigstore-go's
 * verification result beside the bundle).
 */
const fixture = readFileSync(new URL('fixtures/attestations/valid.json', import.meta.url), 'utf8');
const digest = `sha256:${'5e1f'.repeat(16)}`;
const repository = 'acme/platform';
const image = `ghcr.io/acme/orders:${'3f78a1c2'.repeat(5)}@${digest}`;

type Entry = {
  verificationResult: {
    statement: { subject: { digest: { sha256: string } }[] };
    signature: { certificate: Record<string, string> };
  };
};
/** The fixture with one change to its only attestation. */
function changed(edit: (entry: Entry) => void): string {
  const [entry] = JSON.parse(fixture) as [Entry];
  edit(entry);
  return JSON.stringify([entry]);
}
const certificate = (field: string, value: string) =>
  changed((entry) => {
    entry.verificationResult.signature.certificate[field] = value;
  });

const cases: readonly [string, string, RegExp][] = [
  [
    'a wrong source ref',
    certificate('sourceRepositoryRef', 'refs/heads/feature'),
    /refs\/heads\/feature, not refs\/heads\/main/,
  ],
  [
    'a wrong repository',
    certificate('sourceRepositoryURI', 'https://github.com/evil/platform'),
    /evil\/platform, not acme\/platform/,
  ],
  [
    'a wrong signer workflow',
    certificate(
      'buildSignerURI',
      'https://github.com/acme/platform/.github/workflows/preview.yml@refs/heads/main',
    ),
    /signed by .*preview\.yml/,
  ],
  ['no attestation', '[]', /no attestation/],
  [
    'another digest',
    changed((entry) => {
      entry.verificationResult.statement.subject[0] = { digest: { sha256: 'ab'.repeat(32) } };
    }),
    /another digest/,
  ],
];

describe('checkAttestations', () => {
  it("accepts an attestation from the repository's deploy workflow on main for the digest", () => {
    expect(checkAttestations(JSON.parse(fixture), { repository, digest })).toBeUndefined();
  });

  it.each(cases)('refuses %s', (_, output, reason) => {
    expect(checkAttestations(JSON.parse(output), { repository, digest })).toMatch(reason);
  });
});

describe('verifyBuiltImages', () => {
  it('asks gh about the name pinned to the digest, without the tag', () => {
    const asked: string[] = [];
    verifyBuiltImages([image], repository, (ref) => {
      asked.push(ref);
      return { output: fixture };
    });
    expect(asked).toEqual([`ghcr.io/acme/orders@${digest}`]);
  });

  it('names the service whose image gh could not verify', () => {
    const result = verifyBuiltImages([image], repository, () => ({
      error: 'gh attestation verify: no attestations found',
    }));
    expect(result).toEqual({
      verified: [],
      failures: [{ service: 'orders', image, reason: expect.stringMatching(/no attestations/) }],
    });
  });
});

describe('verify-attestations', () => {
  const run = (gh: string) => {
    const written: string[] = [];
    const built = JSON.stringify({ 'image-0': image, 'image-1': '' });
    verifyAttestationsCommand(['--built', built, '--repository', repository, '--gh', gh], {
      env: {},
      write: (text) => written.push(text),
    });
    return written.join('');
  };

  it('passes on only the verified images', () => {
    expect(run(fakeGh(fixture))).toBe(`verified ${image}\n`);
  });

  it.each(cases)('stops the deploy for %s, naming the service and the fix', (_, output) => {
    expect(() => run(fakeGh(output))).toThrow(/orders: .*\n.*run Deploy again from main/s);
  });
});

/** A stand-in gh that prints `output` whatever it is asked. */
function fakeGh(output: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-gh-'));
  const file = join(dir, 'gh');
  writeFileSync(file, `#!/bin/sh\ncat <<'JSON'\n${output}\nJSON\n`, { mode: 0o755 });
  return file;
}
