import { previewNamespace } from '@slipway/platform-contract';
import { expiredPreviews } from './preview-expiry.ts';
import { isPreviewStack, previewStackName, stackBaseName } from './preview-stack-config.ts';

/** The backend's stacks as `down` and `gc` use them: the engine's in a run, a stand-in in tests. */
export interface PreviewStacks {
  /** Every stack of the project, named as the backend lists it (`pr-12` or `acme/pr-12`). */
  readonly list: () => Promise<readonly { readonly name: string; readonly lastUpdate?: string }[]>;
  /** The expiry the stack's last `up` recorded (its `preview.expiresAt` output), if any. */
  readonly expiresAt: (name: string) => Promise<string | undefined>;
  /** Destroys the stack's resources, then removes the stack. */
  readonly destroy: (name: string) => Promise<void>;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Destroys pull request `pr`'s preview stack, found among the listed stacks by its own name.
 * No preview is not an error: a pull request closed before its first `up` has none.
 * @example await removePreview(stacks, 12, write) // 'pr-12', or undefined when there was none
 */
export async function removePreview(
  stacks: PreviewStacks,
  pr: number,
  write: (text: string) => void,
): Promise<string | undefined> {
  const wanted = previewStackName(pr);
  const name = (await stacks.list())
    .map((summary) => summary.name)
    .find((listed) => isPreviewStack(listed) && stackBaseName(listed) === wanted);
  if (name === undefined) {
    write(`${wanted}: no preview stack, nothing to remove\n`);
    return undefined;
  }
  write(`${name}: destroying ${previewNamespace(pr)} and the stack\n`);
  await stacks.destroy(name);
  return name;
}

/**
 * Destroys every preview stack past its expiry at `now` (with `dryRun`, only lists them). One
 * failed destroy does not spare the others: each is tried, then every failure is named.
 * @throws Error naming each stack whose destroy failed, after all were tried.
 * @example await collectExpired(stacks, { now, dryRun: false }, write) // ['pr-3']
 */
export async function collectExpired(
  stacks: PreviewStacks,
  { now, dryRun }: { readonly now: Date; readonly dryRun: boolean },
  write: (text: string) => void,
): Promise<string[]> {
  const previews = (await stacks.list()).filter((summary) => isPreviewStack(summary.name));
  const known = await Promise.all(
    previews.map(async ({ name, lastUpdate }) => {
      const expiresAt = await stacks.expiresAt(name);
      return {
        stack: name,
        ...(expiresAt ? { expiresAt } : {}),
        ...(lastUpdate ? { lastUpdate } : {}),
      };
    }),
  );
  const expired = expiredPreviews(known, now);
  write(
    `${previews.length} preview stack(s), ${expired.length} past their expiry at ${now.toISOString()}${expired.length ? `: ${expired.join(', ')}` : ''}\n`,
  );
  if (dryRun) return expired;
  const failures: string[] = [];
  for (const name of expired) {
    write(`${name}: destroying\n`);
    try {
      await stacks.destroy(name);
    } catch (error) {
      write(`${name}: destroy failed: ${reason(error)}\n`);
      failures.push(`${name} (${reason(error)})`);
    }
  }
  if (failures.length > 0)
    throw new Error(
      `${failures.length} of ${expired.length} expired preview(s) not destroyed: ${failures.join('; ')}`,
    );
  return expired;
}
