import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type ConfigMap,
  LocalWorkspace,
  type PulumiFn,
  type Stack,
} from '@pulumi/pulumi/automation/index.js';
import { parse } from 'yaml';

/** Where the services program is and where the source stack's committed config lives. */
export interface ProgramLocation {
  /** The services program's folder (its `Pulumi.yaml`). */
  readonly programDir: string;
  /** The folder holding `Pulumi.<source stack>.yaml`; default: the program's. */
  readonly sourceDir?: string;
}

/** The services program as Pulumi runs it: its `main`, imported, its exports the stack's outputs. */
function servicesProgram(programDir: string): { project: string; program: PulumiFn } {
  const settings = parse(readFileSync(join(programDir, 'Pulumi.yaml'), 'utf8')) as {
    name?: unknown;
    main?: unknown;
  };
  if (typeof settings.name !== 'string' || typeof settings.main !== 'string')
    throw new Error(`${programDir}/Pulumi.yaml names no project or main`);
  const main = pathToFileURL(join(programDir, settings.main)).href;
  // Run in this process (the Automation API's inline program), so no language plugin is needed
  // and the program resolves the workspace packages from source, as `pulumi up` does.
  const program: PulumiFn = async () => ({ ...((await import(main)) as object) });
  return { project: settings.name, program };
}

/**
 * Runs `work` with a Pulumi workspace of the services project in a folder of its own (thrown
 * away after), so nothing is written into the repository: the state is the backend's
 * (`PULUMI_BACKEND_URL`), the secrets provider the backend's default (`PULUMI_CONFIG_PASSPHRASE`
 * for a file or cloud-storage backend).
 * @example await withWorkspace(location, async ({ workspace }) => workspace.listStacks());
 */
export async function withWorkspace<T>(
  location: ProgramLocation,
  work: (context: {
    readonly workspace: LocalWorkspace;
    readonly project: string;
    readonly stack: (name: string) => Promise<Stack>;
  }) => Promise<T>,
): Promise<T> {
  const { project, program } = servicesProgram(location.programDir);
  const workDir = mkdtempSync(join(tmpdir(), 'preview-'));
  try {
    const projectSettings = { name: project, runtime: 'nodejs' as const };
    // Nothing leaves the machine unasked: no check for a newer Pulumi CLI on each command.
    const envVars = { PULUMI_SKIP_UPDATE_CHECK: 'true' };
    const workspace = await LocalWorkspace.create({ workDir, projectSettings, program, envVars });
    const stack = (stackName: string) =>
      LocalWorkspace.createOrSelectStack(
        { stackName, projectName: project, program },
        { workDir, projectSettings, envVars },
      );
    return await work({ workspace, project, stack });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * The source stack's config, secrets decrypted: the config of its last deployment when the
 * backend has one (`pulumi config refresh`: the images main built and CI set), else the
 * committed `Pulumi.<stack>.yaml`.
 * @throws Error when the stack does not exist in the backend.
 * @example const { config, deployed } = await readSourceConfig(location, 'staging');
 */
export async function readSourceConfig(
  location: ProgramLocation,
  stackName: string,
): Promise<{ config: ConfigMap; deployed: boolean }> {
  const committed = join(location.sourceDir ?? location.programDir, `Pulumi.${stackName}.yaml`);
  return withWorkspace(location, async ({ workspace }) => {
    if (existsSync(committed))
      copyFileSync(committed, join(workspace.workDir, `Pulumi.${stackName}.yaml`));
    try {
      await workspace.selectStack(stackName);
    } catch {
      throw new Error(
        `stack ${stackName} is not in the backend (PULUMI_BACKEND_URL): log in to the backend that holds it, or name another with --from`,
      );
    }
    let deployed = true;
    try {
      await workspace.refreshConfig(stackName);
    } catch {
      // Never deployed: the committed file is all there is.
      deployed = false;
    }
    return { config: await workspace.getAllConfig(stackName), deployed };
  });
}
