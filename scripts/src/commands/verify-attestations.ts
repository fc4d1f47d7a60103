import { execFileSync } from 'node:child_process';
import { imageSigner } from '@slipway/platform-contract';
import { parseBuiltImages } from '../built-images.ts';
import { type CliSpec, parseCli, requireString, UsageError, writeGithubOutputs } from '../cli.ts';
import {
  type AttestationLookup,
  buildProvenancePredicate,
  verifyBuiltImages,
} from '../verify-attestations.ts';
import type { CommandContext } from './command-context.ts';

/** `verify-attestations`: lets only images main's deploy workflow built and attested reach a stack. */
export const verifyAttestationsSpec: CliSpec = {
  name: 'verify-attestations',
  summary:
    "Verifies each image this run built (--built, the images job's outputs) with\n" +
    "`gh attestation verify`: a build provenance attestation signed by --repository's\n" +
    `${imageSigner.workflow} run from ${imageSigner.ref}, about that very digest. It then reads\n` +
    "gh's JSON again (signer workflow, source ref, repository, digest) and writes the images that\n" +
    'passed as the step output `verified` (the same JSON shape as --built), which set-stack-images\n' +
    'takes. Any image without a valid attestation stops the deploy, naming its service.',
  flags: {
    built: { type: 'string', description: 'toJSON(needs.images.outputs) of deploy.yml.' },
    repository: { type: 'string', description: '<owner>/<repo> (GITHUB_REPOSITORY in Actions).' },
    gh: { type: 'string', description: 'The gh binary.', default: 'gh' },
  },
};

/** Runs gh for one image; a non-zero exit answers its first stderr line. */
function ghLookup(gh: string, repository: string) {
  return (ref: string): AttestationLookup => {
    const args = ['attestation', 'verify', `oci://${ref}`, '--repo', repository];
    args.push('--signer-workflow', `${repository}/${imageSigner.workflow}`);
    args.push('--source-ref', imageSigner.ref, '--predicate-type', buildProvenancePredicate);
    args.push('--format', 'json');
    try {
      return {
        output: execFileSync(gh, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
      };
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? error);
      const line = stderr.split('\n').find((l) => l.trim() !== '') ?? 'gh failed';
      return { error: `gh attestation verify: ${line.trim().slice(0, 300)}` };
    }
  };
}

/**
 * Runs `verify-attestations`.
 * @throws Error naming each service whose image has no valid attestation, and the fix.
 * @example verifyAttestationsCommand(['--built', json, '--repository', 'acme/platform'], ctx);
 */
export function verifyAttestationsCommand(
  argv: readonly string[],
  { env, write }: CommandContext,
): void {
  const values = parseCli(verifyAttestationsSpec, argv, write);
  if (!values) return;
  const repository =
    (typeof values.repository === 'string' && values.repository) || env.GITHUB_REPOSITORY || '';
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
    throw new UsageError('--repository must be <owner>/<repo> (or set GITHUB_REPOSITORY)');
  }
  const images = parseBuiltImages(requireString(values, 'built'));
  const gh = typeof values.gh === 'string' ? values.gh : 'gh';
  const { verified, failures } = verifyBuiltImages(images, repository, ghLookup(gh, repository));
  if (failures.length > 0) {
    const lines = failures.map(({ service, image, reason }) => `  ${service}: ${image}: ${reason}`);
    throw new Error(
      `no valid build provenance for ${failures.length} image(s), so nothing is deployed:\n${lines.join('\n')}\n` +
        `Only images that ${imageSigner.workflow} built and attested on ${imageSigner.ref} may deploy: ` +
        "run Deploy again from main and check its images job's 'Attest build provenance' step.",
    );
  }
  const output = JSON.stringify(
    Object.fromEntries(verified.map((image, n) => [`image-${n}`, image])),
  );
  writeGithubOutputs({ verified: output }, env.GITHUB_OUTPUT);
  for (const image of verified) write(`verified ${image}\n`);
}
