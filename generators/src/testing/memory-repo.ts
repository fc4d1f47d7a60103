import { parsePlatformFile, repositoryFiles } from '@slipway/platform-contract';
import { parseServiceManifest } from '@slipway/service-manifest';
import type { RepoCatalog, WorkspacePackage } from '../shared/repo-catalog.ts';
import { memoryFiles, type RepoFiles } from '../shared/repo-files.ts';
import type { RepoView } from '../shared/repo-view.ts';
import { TemplateVersionError } from '../sync/template-tree.ts';

/** Options for {@link memoryRepo}. */
export interface MemoryRepoOptions {
  /** The template folders the planners render. Default: none. */
  readonly templates?: Readonly<Record<string, string>>;
  /** The templates' version. Default: forty zeros. */
  readonly templateVersion?: string;
}

const json = (text: string | undefined): Record<string, unknown> => {
  const value: unknown = text === undefined ? {} : JSON.parse(text);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
};

/** The catalog of an in-memory tree: manifests under `apps/`, workspaces under `apps/` and `packages/`. */
function catalogOf(files: RepoFiles): RepoCatalog {
  const folders = (dir: string) =>
    files
      .list(dir)
      .flatMap((entry) => (entry.endsWith('/') ? [`${dir}/${entry.slice(0, -1)}`] : []));
  const { servicesDir, serviceManifest } = repositoryFiles;
  const workspaces: WorkspacePackage[] = [...folders(servicesDir), ...folders('packages')]
    .filter((dir) => files.exists(`${dir}/package.json`))
    .map((dir) => {
      const pkg = json(files.read(`${dir}/package.json`));
      return { name: String(pkg.name ?? dir), dir, private: pkg.private === true };
    });
  const services = folders(servicesDir).flatMap((dir) => {
    const file = `${dir}/${serviceManifest}`;
    const text = files.read(file);
    const folder = dir.slice(servicesDir.length + 1);
    return text === undefined ? [] : [parseServiceManifest(text, { file, folder })];
  });
  const engines = json(files.read('package.json')).engines;
  const node =
    typeof engines === 'object' && engines !== null ? Reflect.get(engines, 'node') : undefined;
  return {
    root: '/memory',
    platform: parsePlatformFile(json(files.read('platform.json'))),
    services,
    workspaces,
    installed: new Set(),
    ...(typeof node === 'string' ? { nodeEngine: node } : {}),
  };
}

/**
 * A repository held in memory, as a planner sees it: no disk, no git, no formatter (files
 * are planned as rendered). What unit tests of the planners run on.
 * @example planRemoveService({ name: 'billing', forceCallers: false }, memoryRepo({ ... }))
 */
export function memoryRepo(
  tree: Readonly<Record<string, string>>,
  { templates = {}, templateVersion = '0'.repeat(40) }: MemoryRepoOptions = {},
): RepoView {
  const files = memoryFiles(tree);
  const templateFiles = memoryFiles(templates);
  return {
    catalog: catalogOf(files),
    files,
    templates: templateFiles,
    templateVersion: () => templateVersion,
    templatesAt: (version) => {
      if (version === templateVersion) return templateFiles;
      throw new TemplateVersionError(`no templates of version ${version} in memory`);
    },
    format: (planned) => [...planned],
  };
}
