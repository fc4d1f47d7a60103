import { imageSigner } from '@slipway/platform-contract';

/** SLSA build provenance v1, the predicate `actions/attest-build-provenance` writes. */
export const buildProvenancePredicate = 'https://slsa.dev/provenance/v1';

/** The fields of one `gh attestation verify --format json` entry this check reads. */
interface VerifiedAttestation {
  readonly verificationResult?: {
    readonly statement?: {
      readonly predicateType?: string;
      readonly subject?: readonly { readonly digest?: Readonly<Record<string, string>> }[];
    };
    readonly signature?: {
      readonly certificate?: {
        readonly buildSignerURI?: string;
        readonly sourceRepositoryURI?: string;
        readonly sourceRepositoryRef?: string;
      };
    };
  };
}

/** What an image's attestation must show: this repository's deploy workflow on main built it. */
export interface AttestationExpectation {
  /** `<owner>/<repo>`. */
  readonly repository: string;
  /** `sha256:<64 hex>`, the digest the stack would get. */
  readonly digest: string;
}

/** Why one attestation does not vouch for the digest, or undefined when it does. */
function attestationProblem(
  entry: VerifiedAttestation,
  { repository, digest }: AttestationExpectation,
): string | undefined {
  const statement = entry.verificationResult?.statement;
  const certificate = entry.verificationResult?.signature?.certificate;
  const hex = digest.replace(/^sha256:/, '');
  const signer = `https://github.com/${repository}/${imageSigner.workflow}@${imageSigner.ref}`;
  if (!statement || !certificate) return 'the verification result has no statement or certificate';
  if (statement.predicateType !== buildProvenancePredicate) {
    return `its predicate is ${statement.predicateType}, not build provenance`;
  }
  if (!statement.subject?.some((subject) => subject.digest?.sha256 === hex)) {
    return `it is about another digest, not ${digest}`;
  }
  if (certificate.sourceRepositoryURI !== `https://github.com/${repository}`) {
    return `it was built from ${certificate.sourceRepositoryURI}, not ${repository}`;
  }
  if (certificate.sourceRepositoryRef !== imageSigner.ref) {
    return `it was built from ${certificate.sourceRepositoryRef}, not ${imageSigner.ref}`;
  }
  if (certificate.buildSignerURI !== signer) {
    return `it was signed by ${certificate.buildSignerURI}, not ${signer}`;
  }
  return undefined;
}

/**
 * Why `gh attestation verify --format json` output does not prove that the deploy workflow of
 * `repository`, run from main, built `digest`; undefined when one attestation does. gh has
 * checked the signatures and its own flags already; this reads the result again, so a changed
 * flag or a gh that ignores one cannot let an image through.
 * @example checkAttestations(JSON.parse(stdout), { repository: 'acme/platform', digest })
 */
export function checkAttestations(
  output: unknown,
  expected: AttestationExpectation,
): string | undefined {
  if (!Array.isArray(output) || output.length === 0) return 'no attestation was verified';
  const problems = (output as VerifiedAttestation[]).map((entry) =>
    attestationProblem(entry, expected),
  );
  return problems.includes(undefined) ? undefined : problems.join('; ');
}

/** What running gh for one image answered: its stdout, or why it failed. */
export type AttestationLookup = { readonly output: string } | { readonly error: string };

/** One built image whose attestation is missing or wrong. */
interface AttestationFailure {
  readonly service: string;
  readonly image: string;
  readonly reason: string;
}

/**
 * Splits a pinned reference `<registry>/<service>:<tag>@sha256:<hex>` into what gh and the
 * message need: the service, the name pinned to the digest (no tag), and the digest.
 */
function pinnedParts(image: string) {
  const [name = '', digest = ''] = image.split('@');
  const repository = name.replace(/:[^/]*$/, '');
  return {
    service: repository.slice(repository.lastIndexOf('/') + 1),
    ref: `${repository}@${digest}`,
    digest,
  };
}

/**
 * Checks each built image's attestation through `lookup` (gh, or a fixture in tests).
 * @returns the images that passed and, for each that did not, the service and why.
 * @example verifyBuiltImages(images, 'acme/platform', (ref) => runGh(ref))
 */
export function verifyBuiltImages(
  images: readonly string[],
  repository: string,
  lookup: (ref: string) => AttestationLookup,
): { verified: string[]; failures: AttestationFailure[] } {
  const verified: string[] = [];
  const failures: AttestationFailure[] = [];
  for (const image of images) {
    const { service, ref, digest } = pinnedParts(image);
    const answer = lookup(ref);
    let reason: string | undefined;
    if ('error' in answer) reason = answer.error;
    else {
      try {
        reason = checkAttestations(JSON.parse(answer.output), { repository, digest });
      } catch {
        reason = 'gh printed no JSON';
      }
    }
    if (reason === undefined) verified.push(image);
    else failures.push({ service, image, reason });
  }
  return { verified, failures };
}
