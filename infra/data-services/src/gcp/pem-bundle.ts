/**
 * The PEM certificates of a server's CAs as one file: every CA the cloud lists, so a client keeps
 * trusting the server while Google rotates to the next CA.
 * @example instance.serverCaCerts.apply(pemBundle)
 */
export function pemBundle(certificates: readonly { readonly cert?: string | undefined }[]): string {
  const pems = certificates.flatMap(({ cert }) => (cert ? [cert.trim()] : []));
  return pems.length === 0 ? '' : `${pems.join('\n')}\n`;
}
