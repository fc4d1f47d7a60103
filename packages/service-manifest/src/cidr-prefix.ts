/** The address family and prefix length of a CIDR (its syntax is checked by the schema). */
export function prefixOf(cidr: string): { readonly ipv6: boolean; readonly bits: number } {
  const [address = '', bits = ''] = cidr.split('/');
  return { ipv6: address.includes(':'), bits: Number(bits) };
}

/**
 * True for a CIDR that matches every address (`0.0.0.0/0`, `::/0`, any `/0`).
 * @example isAnyAddress('0.0.0.0/0') // true
 */
export function isAnyAddress(cidr: string): boolean {
  return prefixOf(cidr).bits === 0;
}
