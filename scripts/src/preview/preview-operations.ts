import type { LocalWorkspace, OutputMap, Stack } from '@pulumi/pulumi/automation/index.js';
import { previewNamespace } from '@slipway/platform-contract';
import { loadServiceManifests } from '@slipway/service-manifest';
import { expiryOf } from './preview-expiry.ts';
import { selectPreviewServices } from './preview-selection.ts';
import { previewStackConfig, previewStackName } from './preview-stack-config.ts';
import { collectExpired, type PreviewStacks, removePreview } from './preview-teardown.ts';
import { type ProgramLocation, readSourceConfig, withWorkspace } from './preview-workspace.ts';

/** What every operation works with: the program, the repository and where to report. */
export interface PreviewContext extends ProgramLocation {
  readonly root: string;
  /** Progress lines. */
  readonly write: (text: string) => void;
  /** Print the engine's output as it comes; default: only when an operation fails. */
  readonly verbose?: boolean;
}

/** What `up` deployed: the preview's namespace, its services and their URLs. */
export interface PreviewUpResult {
  readonly stack: string;
  readonly namespace: string;
  readonly expiresAt: string;
  /** Per service: its image's origin and its URLs (`publicUrl` for public ones). */
  readonly services: Readonly<
    Record<string, { readonly from: string; readonly url?: string; readonly publicUrl?: string }>
  >;
  /** Resource operations by kind, as the engine counted them. */
  readonly changes: Readonly<Record<string, number>>;
}

/** Runs an engine operation quietly: its output is shown only when it fails (or with verbose). */
async function quietly<T>(
  context: PreviewContext,
  operation: (onOutput: (text: string) => void) => Promise<T>,
): Promise<T> {
  let log = '';
  const onOutput = (text: string) => {
    if (context.verbose) context.write(text);
    else log += text;
  };
  try {
    return await operation(onOutput);
  } catch (error) {
    if (!context.verbose) context.write(log.slice(-8_000));
    throw error;
  }
}

function serviceUrls(outputs: OutputMap): Record<string, { url?: string; publicUrl?: string }> {
  const value = outputs.services?.value;
  return typeof value === 'object' && value !== null
    ? (value as Record<string, { url?: string; publicUrl?: string }>)
    : {};
}

/**
 * `up`: deploys the changed services and those they call into the pull request's namespace,
 * with its own stack (`pr-<n>`) whose config is the source stack's. A second `up` at the same
 * instant changes nothing; a later one moves the expiry (the TTL counts from the last push).
 * @example await upPreview(context, { pr: 12, from: 'staging', changed: ['orders'], built, ttl: '7d', now });
 */
export async function upPreview(
  context: PreviewContext,
  options: {
    readonly pr: number;
    readonly from: string;
    readonly changed: readonly string[];
    readonly built: readonly string[];
    /** Changed services nobody built run the source stack's image. */
    readonly mainImages: boolean;
    readonly ttl: string;
    readonly now: Date;
  },
): Promise<PreviewUpResult | undefined> {
  const { pr, from, write } = { ...options, write: context.write };
  const stackName = previewStackName(pr);
  const selection = selectPreviewServices(loadServiceManifests(context.root), options.changed);
  if (selection.services.length === 0) {
    write(`${stackName}: no service changed, nothing to preview\n`);
    return undefined;
  }
  const expiresAt = expiryOf(options.now, options.ttl);
  write(`${stackName}: reading the config of stack ${from}\n`);
  const source = await readSourceConfig(context, from);
  if (!source.deployed)
    write(`${stackName}: ${from} has no deployment yet: its committed config is used\n`);
  return withWorkspace(context, async ({ project, stack }) => {
    const { config, images } = previewStackConfig({
      project,
      source: { stack: from, config: source.config },
      pr,
      expiresAt,
      selection,
      built: options.built,
      mainImages: options.mainImages,
    });
    write(
      `${stackName}: deploying ${selection.services.join(', ')} into ${previewNamespace(pr)} (expires ${expiresAt})\n`,
    );
    const preview = await stack(stackName);
    await preview.setAllConfig(config);
    const result = await quietly(context, (onOutput) => preview.up({ onOutput }));
    const urls = serviceUrls(result.outputs);
    const services = Object.fromEntries(
      Object.entries(images).map(([name, { from: origin }]) => [
        name,
        { from: origin, ...urls[name] },
      ]),
    );
    return {
      stack: stackName,
      namespace: previewNamespace(pr),
      expiresAt,
      services,
      changes: result.summary.resourceChanges ?? {},
    };
  });
}

/** The workspace's stacks as down and gc use them, each engine operation run quietly. */
function engineStacks(
  context: PreviewContext,
  workspace: LocalWorkspace,
  stack: (name: string) => Promise<Stack>,
): PreviewStacks {
  return {
    list: () => workspace.listStacks(),
    expiresAt: async (name) => {
      const outputs = await (await stack(name)).outputs();
      return (outputs.preview?.value as { expiresAt?: string } | undefined)?.expiresAt;
    },
    destroy: async (name) => {
      const preview = await stack(name);
      await quietly(context, (onOutput) => preview.destroy({ onOutput }));
      await workspace.removeStack(preview.name);
    },
  };
}

/**
 * `down`: destroys the pull request's preview stack (its namespace with it) and removes the
 * stack. No preview is not an error: a pull request closed before its first `up` has none.
 * @example await downPreview(context, 12) // true when there was one
 */
export async function downPreview(context: PreviewContext, pr: number): Promise<boolean> {
  return withWorkspace(context, async ({ workspace, stack }) => {
    const removed = await removePreview(engineStacks(context, workspace, stack), pr, context.write);
    return removed !== undefined;
  });
}

/**
 * `gc`: destroys every preview stack (`pr-<n>`) past the expiry its last `up` recorded, at
 * `now` (the clock unless `--now`); with `dryRun` only lists them. A failed destroy is named at
 * the end, after the others were tried.
 * @example await collectPreviews(context, { now: new Date(), dryRun: false }) // ['pr-3']
 */
export async function collectPreviews(
  context: PreviewContext,
  options: { readonly now: Date; readonly dryRun: boolean },
): Promise<string[]> {
  return withWorkspace(context, ({ workspace, stack }) =>
    collectExpired(engineStacks(context, workspace, stack), options, context.write),
  );
}
