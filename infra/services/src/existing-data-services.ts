import { isIP } from 'node:net';
import * as pulumi from '@pulumi/pulumi';
import type { DataServiceEndpoint } from '@slipway/infra-data-services';
import { type DataServiceKind, dataServiceKinds } from '@slipway/platform-contract';

/**
 * The port an existing server listens on unless its `dataServices` entry says otherwise: each
 * protocol's own (PostgreSQL's, Redis/Valkey's).
 */
const existingServerDefaultPorts: Readonly<Record<DataServiceKind, number>> = {
  postgres: 5432,
  cache: 6379,
};

/** What `offering` an existing server reports, in renders, graphs and the stack's outputs. */
const existingServerOffering = 'existing server';

/**
 * A server a service uses instead of one the program provisions, from the stack config
 * (`dataServices.<service>.<kind>`): a database you bring, or the only way on a cluster without a
 * cloud (kind, the cluster suite).
 */
export interface ExistingDataService {
  /** The connection URL, a secret: set with `pulumi config set --secret --path`. */
  readonly url: pulumi.Output<string>;
  /** Where the server's addresses are: the egress rule's only destination. */
  readonly cidr: string;
  readonly port: number;
  /** The PEM CA that signed the server's certificate when Node does not trust it; a secret. */
  readonly caCertificate?: pulumi.Output<string>;
}

/** Existing servers by service and kind. */
export type ExistingDataServices = Readonly<
  Record<string, Partial<Record<DataServiceKind, ExistingDataService>>>
>;

const entryFields = ['url', 'cidr', 'port', 'caCertificate'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Why a CIDR cannot be an egress destination, or undefined: it must be an IPv4 or IPv6 network
 * in canonical form (no host bits, which the API server would reject or silently widen) and
 * narrower than every address.
 * @example cidrProblem('10.0.20.100/24') // "has host bits set: use 10.0.20.0/24"
 */
function cidrProblem(cidr: string): string | undefined {
  const [address = '', bits = '', ...rest] = cidr.split('/');
  const family = isIP(address);
  const width = family === 4 ? 32 : 128;
  if (family === 0 || rest.length > 0 || !/^\d{1,3}$/.test(bits) || Number(bits) > width)
    return `'${cidr}' is not a CIDR such as 10.0.20.0/24 (the server's subnet) or 10.0.20.5/32 (its address)`;
  if (Number(bits) === 0) return `'${cidr}' is every address: name the server's subnet or address`;
  if (family === 4) {
    const value = address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
    const size = 2 ** (32 - Number(bits));
    const network = Math.floor(value / size) * size;
    if (network !== value) {
      const canonical = [24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256);
      return `'${cidr}' has host bits set: use ${canonical.join('.')}/${bits}`;
    }
  }
  return undefined;
}

/**
 * Reads `dataServices` from the stack config: per service and declared kind, an existing
 * server's `url` (secret), `cidr`, `port` (default {@link existingServerDefaultPorts}) and
 * `caCertificate` (secret). Whether each entry fits the catalog is `planServices`' to check.
 * @example readExistingDataServices({ orders: { postgres: { url, cidr: '10.0.20.0/24' } } }, problem)
 */
export function readExistingDataServices(
  input: unknown,
  problem: (field: string, message: string, service?: string) => void,
): ExistingDataServices {
  const servers: Record<string, Partial<Record<DataServiceKind, ExistingDataService>>> = {};
  if (input === undefined) return servers;
  if (!isRecord(input)) {
    problem('dataServices', 'must be a map of service name to its existing servers by kind');
    return servers;
  }
  for (const [service, kinds] of Object.entries(input)) {
    if (!isRecord(kinds)) {
      problem(
        `dataServices.${service}`,
        `must be a map of kind (${dataServiceKinds.join(', ')}) to an existing server`,
        service,
      );
      continue;
    }
    const own: Partial<Record<DataServiceKind, ExistingDataService>> = {};
    for (const [kind, entry] of Object.entries(kinds)) {
      const field = `dataServices.${service}.${kind}`;
      const fail = (at: string, message: string) => problem(`${field}${at}`, message, service);
      if (!(dataServiceKinds as readonly string[]).includes(kind)) {
        fail('', `'${kind}' is not a data service kind: ${dataServiceKinds.join(', ')}`);
        continue;
      }
      if (!isRecord(entry)) {
        fail('', 'must be an existing server: { url, cidr, port?, caCertificate? }');
        continue;
      }
      const known = kind as DataServiceKind;
      for (const key of Object.keys(entry))
        if (!entryFields.includes(key))
          fail(`.${key}`, `is not a setting: ${entryFields.join(', ')}`);
      const { url, cidr, port = existingServerDefaultPorts[known], caCertificate } = entry;
      const secretText = (value: unknown) =>
        typeof value === 'string' || pulumi.Output.isInstance(value);
      if (!secretText(url) || url === '')
        fail('.url', `is not set: pulumi config set --secret --path ${field}.url <url>`);
      const badCidr = typeof cidr === 'string' ? cidrProblem(cidr) : 'is not set';
      if (badCidr)
        fail('.cidr', `${badCidr}: pulumi config set --path ${field}.cidr <the server's CIDR>`);
      if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
        fail(
          '.port',
          `must be a port number from 1 to 65535 (default ${existingServerDefaultPorts[known]})`,
        );
      if (caCertificate !== undefined && !secretText(caCertificate))
        fail('.caCertificate', 'must be a PEM certificate: pulumi config set --secret --path');
      if (!secretText(url) || url === '' || badCidr || typeof port !== 'number') continue;
      own[known] = {
        // Read plain from config, secret from here on: encrypted in state, masked in output.
        url: pulumi.secret(url as pulumi.Input<string>),
        cidr: cidr as string,
        port,
        ...(secretText(caCertificate)
          ? { caCertificate: pulumi.secret(caCertificate as pulumi.Input<string>) }
          : {}),
      };
    }
    servers[service] = own;
  }
  return servers;
}

/**
 * An existing server as its service's wiring takes it: the same endpoint a provisioner returns,
 * its egress the one CIDR the config names.
 * @example existingServerEndpoint('postgres', server).egress // { cidrs: ['10.0.20.0/24'], port: 5432 }
 */
export function existingServerEndpoint(
  kind: DataServiceKind,
  server: ExistingDataService,
): DataServiceEndpoint {
  return {
    kind,
    url: server.url,
    ...(server.caCertificate ? { caCertificate: server.caCertificate } : {}),
    egress: { cidrs: [server.cidr], port: server.port },
    offering: existingServerOffering,
  };
}
