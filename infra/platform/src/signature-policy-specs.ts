import { registryPrefix } from '@slipway/infra-policy/image-admission-rule';
import { imageSignerIdentity } from '@slipway/platform-contract';

/** The issuer of every GitHub Actions OIDC token, hence of each signing certificate's identity. */
const githubActionsIssuer = 'https://token.actions.githubusercontent.com';
/** SLSA build provenance v1, the predicate `actions/attest-build-provenance` writes. */
const buildProvenancePredicate = 'https://slsa.dev/provenance/v1';

/** The ClusterImagePolicy's name (policy-controller reads every one; the platform owns one). */
export const signaturePolicyName = 'github-build-provenance';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The spec of the ClusterImagePolicy (policy.sigstore.dev/v1beta1) that admits an image of the
 * platform's registry only with a GitHub build provenance attestation signed, through the
 * public-good Sigstore (Fulcio, Rekor), by this repository's deploy workflow run from main: the
 * identity `imageSignerIdentity` names, matched exactly. Sigstore bundles are the format GitHub's
 * attestations are stored in, and in that format policy-controller checks attestations only.
 * @example signaturePolicySpec('ghcr.io/acme', 'acme/platform')
 */
export function signaturePolicySpec(registry: string, repository: string) {
  return {
    mode: 'enforce',
    images: [{ glob: `${registryPrefix(registry)}**` }],
    authorities: [
      {
        name: 'deploy-workflow-on-main',
        keyless: {
          url: 'https://fulcio.sigstore.dev',
          identities: [
            {
              issuer: githubActionsIssuer,
              subjectRegExp: `^${escapeRegExp(imageSignerIdentity(repository))}$`,
            },
          ],
        },
        ctlog: { url: 'https://rekor.sigstore.dev' },
        signatureFormat: 'bundle',
        attestations: [{ name: 'build-provenance', predicateType: buildProvenancePredicate }],
      },
    ],
  };
}
