import type { DataNetwork } from '@slipway/infra-workload-identity';
import { dataNetworks } from '@slipway/infra-workload-identity/testing';
import { readPlatformFile } from '@slipway/platform-contract';

/**
 * The data network a render provisions the declared data services on, since it has no cluster
 * stack to read one from: the fork's cloud's (`platform.json` `cloud`), with the address plan its
 * cluster program really exports. Undefined for a cluster you bring (`cloud: none`), whose data
 * services must be existing servers in the stack config.
 * @example const dataNetwork = standInDataNetwork(repoRoot); // dataNetworks.aws on an AWS fork
 */
export function standInDataNetwork(repoRoot: string): DataNetwork | undefined {
  const { cloud } = readPlatformFile(repoRoot);
  return cloud in dataNetworks ? dataNetworks[cloud as keyof typeof dataNetworks] : undefined;
}
