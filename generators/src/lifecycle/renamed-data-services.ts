import { type DataServiceKind, dataServiceKinds, serviceDir } from '@slipway/platform-contract';
import type { RepoCatalog } from '../shared/repo-catalog.ts';

/** The flag of `rename-service` that accepts new, empty data services under the new name. */
export const replaceDataFlag = 'replace-data';

const described: Readonly<Record<DataServiceKind, string>> = {
  postgres: 'PostgreSQL database',
  cache: 'cache',
};

/**
 * Why renaming `name` would lose its data, unless `--replace-data` accepts it: the cloud
 * resources of a declared `postgres:` or `cache:` are named after the service, so the next
 * deploy provisions new, empty ones under the new name and deletes the old ones.
 * @example renamedDataProblem('orders', 'purchases', catalog, false) // 'orders declares postgres: ...'
 */
export function renamedDataProblem(
  name: string,
  newName: string,
  catalog: RepoCatalog,
  replaceData: boolean,
): string | undefined {
  const manifest = catalog.services.find((service) => service.name === name);
  const kinds = dataServiceKinds.filter((kind) => manifest?.[kind] !== undefined);
  if (kinds.length === 0 || replaceData) return undefined;
  const what = kinds.map((kind) => described[kind]).join(' and ');
  return [
    `${name} declares ${kinds.map((kind) => `${kind}:`).join(' and ')} in its manifest, and the cloud resources of its ${what} are named after the service: renamed, the next deploy of each environment provisions new, empty ones for ${newName} and deletes those of ${name} with their data (where deletion protection is on, the deploy stops there instead).`,
    `    To keep the data, back up each environment's ${what} first, then rename with npm run gen -- rename-service ${name} ${newName} -- --${replaceDataFlag}, deploy, and restore the backup into the new one; or first move the data to a server of your own, name it in each stack under dataServices.${newName}.<kind> (docs/adding-a-database.md, "Bring an existing database"), then rename with -- --${replaceDataFlag}.`,
    `    Its local data in ${serviceDir(name)}/.data moves with the folder either way.`,
  ].join('\n');
}
