/** Multipliers of the suffixes a Kubernetes resource quantity takes. */
const suffixes: Readonly<Record<string, number>> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const quantity =
  /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E))?$/;

/**
 * The value of a Kubernetes resource quantity (`256Mi`, `1.5G`, `500m`, `1e3`), or undefined
 * when the text is not one.
 * @example parseQuantity('64Mi') // 67108864
 */
export function parseQuantity(text: unknown): number | undefined {
  if (typeof text === 'number') return text;
  if (typeof text !== 'string') return undefined;
  const match = quantity.exec(text.trim());
  if (!match) return undefined;
  const [, number, exponent, suffix] = match;
  return Number(`${number}${exponent ?? ''}`) * (suffixes[suffix ?? ''] ?? 1);
}
