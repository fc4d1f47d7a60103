import * as pulumi from '@pulumi/pulumi';

/** What a masked secret value renders as, in `npm run render`'s files and in tests alike. */
export const maskedSecret = '[secret]';

/**
 * True for a value Pulumi marked secret, as the mocks receive it: `{ <sig>: <secret sig>, value }`.
 * @example isSecretMarker(named(resources, 'kubernetes:core/v1:Secret', 'orders-secrets').inputs.stringData) // true
 */
export function isSecretMarker(value: unknown): value is { readonly value: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>)[pulumi.runtime.specialSigKey] ===
      pulumi.runtime.specialSecretSig
  );
}

/**
 * Replaces every Pulumi secret in a value with {@link maskedSecret}; a secret object keeps its
 * keys (which settings or secret names exist is not secret), never its values.
 * @example maskSecrets(recorded.inputs)
 */
export function maskSecrets(value: unknown, inSecret = false): unknown {
  if (isSecretMarker(value)) return maskSecrets(value.value, true);
  if (Array.isArray(value)) return value.map((item) => maskSecrets(item, inSecret));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => [key, maskSecrets(field, inSecret)]),
    );
  return inSecret ? maskedSecret : value;
}
