/** Bytes per unit of the suffixes a manifest's byte quantities take (Kubernetes' own). */
const unitBytes: Readonly<Record<string, number>> = {
  '': 1,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

const quantity = /^(\d+)(Ki|Mi|Gi|Ti|K|M|G|T)?$/;

/** The pattern the manifest schema checks byte quantities with. */
export const byteQuantityPattern = quantity;

/**
 * The bytes a quantity such as `256Mi` or `1G` stands for; undefined when it is not one.
 * @example parseByteQuantity('64Mi') // 67108864
 */
export function parseByteQuantity(text: string): number | undefined {
  const match = quantity.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * (unitBytes[match[2] ?? ''] ?? 1);
}

/**
 * A byte count as the shortest exact binary quantity: `Gi`, `Mi`, `Ki`, else plain bytes.
 * @example formatByteQuantity(201326592) // '192Mi'
 */
export function formatByteQuantity(bytes: number): string {
  for (const unit of ['Gi', 'Mi', 'Ki'] as const) {
    const size = unitBytes[unit] ?? 1;
    if (bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return String(bytes);
}
