/** A Kubernetes label selector (`matchLabels` and `matchExpressions`). */
export interface LabelSelectorLike {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly {
    readonly key: string;
    readonly operator: string;
    readonly values?: readonly string[];
  }[];
}

/**
 * True when a label selector selects an object with these labels, with the API server's
 * semantics; an empty selector selects everything.
 * @example matchesSelector({ matchLabels: { app: 'orders' } }, { app: 'orders', tier: 'api' }) // true
 */
export function matchesSelector(
  selector: LabelSelectorLike,
  labels: Readonly<Record<string, string>>,
): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const value = labels[key];
    const matched =
      operator === 'In'
        ? value !== undefined && values.includes(value)
        : operator === 'NotIn'
          ? value === undefined || !values.includes(value)
          : operator === 'Exists'
            ? value !== undefined
            : operator === 'DoesNotExist'
              ? value === undefined
              : false;
    if (!matched) return false;
  }
  return true;
}
