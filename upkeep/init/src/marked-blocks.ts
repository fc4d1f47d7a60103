/** How {@link stripMarkedBlocks} treats the blocks it finds. */
export interface MarkedBlockOptions {
  /** The file the text is from, for errors. Default: `text`. */
  readonly path?: string;
  /** Keep what the blocks hold and drop only their marker lines. Default: false. */
  readonly keepContent?: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const article = (tag: string) => (/^[aeiou]/.test(tag) ? 'an' : 'a');

/**
 * A text without the blocks marked with `tag`, the marker lines included. A block is whole lines,
 * from an opening marker line to its closing one, in the comment syntax of the file: Markdown
 * (`<!-- tag -->` … `<!-- /tag -->`), shell and YAML (`# tag` … `# /tag`), TypeScript
 * (`// tag` … `// /tag`).
 * @throws Error naming the file and line when a block is left open, closed without being opened,
 * or opened inside another.
 * @example stripMarkedBlocks('a\n# upkeep\nb\n# /upkeep\nc\n', 'upkeep') // 'a\nc\n'
 */
export function stripMarkedBlocks(
  text: string,
  tag: string,
  { path = 'text', keepContent = false }: MarkedBlockOptions = {},
): string {
  const name = escapeRegExp(tag);
  const opening = new RegExp(`^\\s*(?:<!-- ${name} -->|# ${name}|// ${name})\\s*$`);
  const closing = new RegExp(`^\\s*(?:<!-- /${name} -->|# /${name}|// /${name})\\s*$`);
  const block = `${article(tag)} ${tag} block`;
  const kept: string[] = [];
  let openedAt: number | undefined;
  let closedAfterBlank = false;
  text.split('\n').forEach((line, index) => {
    // A block between two blank lines leaves one of them, not both.
    const skipBlank = closedAfterBlank && line.trim() === '';
    closedAfterBlank = false;
    if (skipBlank) return;
    if (opening.test(line)) {
      if (openedAt !== undefined)
        throw new Error(`${path}:${index + 1}: ${block} opens inside another`);
      openedAt = index;
    } else if (closing.test(line)) {
      if (openedAt === undefined)
        throw new Error(`${path}:${index + 1}: ${block} closes without opening`);
      openedAt = undefined;
      closedAfterBlank = !keepContent && kept.length > 0 && kept.at(-1)?.trim() === '';
    } else if (openedAt === undefined || keepContent) {
      kept.push(line);
    }
  });
  if (openedAt !== undefined) throw new Error(`${path}:${openedAt + 1}: ${block} is never closed`);
  return kept.join('\n');
}
