/** A node pool once defaults are applied, in the words every cloud shares. */
export interface NodePool {
  /** What every node runs on: an EC2 instance type, a Compute Engine machine type, an Azure VM size. */
  readonly machineType: string;
  /** Fewest nodes across all zones; at least one per zone keeps the pool zone-redundant. */
  readonly minNodes: number;
  /** Most nodes the autoscaler may add. */
  readonly maxNodes: number;
  /** Disk of each node, in the cloud's unit (GiB on EKS, GB on GKE and AKS). */
  readonly diskSize: number;
}

/** The keys of `Args` whose values are of type `Value`. */
type KeysOf<Args, Value> = {
  [Key in keyof Args]-?: NonNullable<Args[Key]> extends Value ? Key : never;
}[keyof Args] &
  string;

/**
 * How one cloud's stack config spells each node pool field (`nodePool.minCount` on AKS,
 * `nodePool.minSize` on EKS), and the cloud's defaults.
 */
export interface NodePoolSchema<Args> {
  readonly fields: {
    readonly machineType: KeysOf<Args, string>;
    readonly minNodes: KeysOf<Args, number>;
    readonly maxNodes: KeysOf<Args, number>;
    readonly diskSize: KeysOf<Args, number>;
  };
  readonly defaults: NodePool;
}

/**
 * Applies a cloud's node pool defaults to what its stack config says and rejects settings the
 * cluster could not run with, naming the offending field as the user spelled it.
 * @throws Error naming `nodePool.<field>` when a count is not a whole number or max < min.
 * @example resolveNodePool(aksNodePool, { maxCount: 12 }) // { machineType: 'Standard_D2s_v5', minNodes: 3, maxNodes: 12, diskSize: 64 }
 */
export function resolveNodePool<Args extends object>(
  { fields, defaults }: NodePoolSchema<Args>,
  pool: Args | undefined,
): NodePool {
  const given: Readonly<Record<string, unknown>> = pool ?? {};
  const resolved: NodePool = {
    machineType: (given[fields.machineType] as string | undefined) ?? defaults.machineType,
    minNodes: (given[fields.minNodes] as number | undefined) ?? defaults.minNodes,
    maxNodes: (given[fields.maxNodes] as number | undefined) ?? defaults.maxNodes,
    diskSize: (given[fields.diskSize] as number | undefined) ?? defaults.diskSize,
  };
  const min = `nodePool.${fields.minNodes}`;
  if (!Number.isInteger(resolved.minNodes) || resolved.minNodes < 1) {
    throw new Error(`${min} must be a whole number of at least 1, got ${resolved.minNodes}`);
  }
  if (!Number.isInteger(resolved.maxNodes) || resolved.maxNodes < resolved.minNodes) {
    throw new Error(
      `nodePool.${fields.maxNodes} must be a whole number of at least ${min} (${resolved.minNodes}), got ${resolved.maxNodes}`,
    );
  }
  return resolved;
}
