/**
 * The offset of the first byte that starts an ill-formed UTF-8 sequence, or -1 when `bytes` are
 * well-formed UTF-8. It follows the Unicode Standard's table of well-formed byte sequences
 * (chapter 3, table 3-7), the rules `TextDecoder` applies. `TextDecoder` only says *that* the
 * bytes are bad, so this runs on the error path alone, to tell the client *where*.
 *
 * @example
 * firstInvalidUtf8Offset(new Uint8Array([0x61, 0xff])); // 1
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset] as number;
    if (lead < 0x80) {
      offset += 1;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 0) return offset;
    // The second byte's range is narrower after E0, ED, F0 and F4: it rules out overlong
    // forms, UTF-16 surrogates and code points above U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (!inRange(bytes[offset + 1], low, high)) return offset;
    for (let next = 2; next < length; next += 1) {
      if (!inRange(bytes[offset + next], 0x80, 0xbf)) return offset;
    }
    offset += length;
  }
  return -1;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function inRange(byte: number | undefined, low: number, high: number): boolean {
  return byte !== undefined && byte >= low && byte <= high;
}
