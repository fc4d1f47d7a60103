import { clusterOutputNames, type DataNetwork } from './cluster-outputs.ts';

/** The fields each cloud's data network carries: non-empty strings, or non-empty lists of them. */
const fieldsByCloud = {
  aws: { text: ['region', 'vpcId'], lists: ['subnetIds', 'subnetCidrs', 'clientCidrs'] },
  gcp: {
    text: ['project', 'region', 'network', 'privateServiceRangeName', 'privateServiceRange'],
    lists: [],
  },
  azure: {
    text: [
      'resourceGroupName',
      'location',
      'postgresSubnetId',
      'postgresSubnetCidr',
      'postgresDnsZoneId',
      'privateEndpointSubnetId',
      'privateEndpointSubnetCidr',
      'cacheDnsZoneId',
    ],
    lists: [],
  },
} as const satisfies {
  [C in DataNetwork['cloud']]: { text: readonly string[]; lists: readonly string[] };
};

const isText = (value: unknown) => typeof value === 'string' && value !== '';

/**
 * Checks a cluster stack's `dataNetwork` output against {@link DataNetwork}; undefined when the
 * stack exports none (a cluster program from before data services), so only a service that
 * declares one fails, where it is provisioned.
 * @throws Error naming the stack, the fields at fault and the fix.
 * @example dataNetworkFrom(undefined, 'acme/slipway-cluster-eks/dev') // undefined
 */
export function dataNetworkFrom(value: unknown, clusterStack: string): DataNetwork | undefined {
  if (value === undefined || value === null) return undefined;
  const output = `stack ${clusterStack}'s output '${clusterOutputNames.dataNetwork}'`;
  const record = (typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const { cloud } = record;
  if (typeof cloud !== 'string' || !Object.hasOwn(fieldsByCloud, cloud)) {
    throw new Error(
      `${output} has cloud ${JSON.stringify(cloud)}, not one of ${Object.keys(fieldsByCloud).join(', ')}: update the cluster stack (pulumi up) or this program`,
    );
  }
  const { text, lists } = fieldsByCloud[cloud as DataNetwork['cloud']];
  const missing = [
    ...text.filter((field) => !isText(record[field])),
    ...lists.filter((field) => {
      const list = record[field];
      return !Array.isArray(list) || list.length === 0 || !list.every(isText);
    }),
  ];
  if (missing.length > 0) {
    throw new Error(
      `${output} lacks ${missing.join(', ')} for ${cloud}: run pulumi up on the cluster stack with the current cluster program`,
    );
  }
  return Object.fromEntries(
    ['cloud', ...text, ...lists].map((field) => [field, record[field]]),
  ) as DataNetwork;
}
