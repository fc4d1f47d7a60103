/**
 * True when `text` has no line break or other control character, so it can go into a
 * JSON string, a YAML scalar and a one-line comment as it is.
 */
function isSingleLine(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

/**
 * Why a service's or package's `description` cannot go into package.json, a manifest and a
 * one-line comment, or undefined.
 * @example descriptionProblem('two\nlines') // 'The description must be a single line ...'
 */
export function descriptionProblem(description: string): string | undefined {
  if (!isSingleLine(description)) {
    return 'The description must be a single line of text: remove line breaks and control characters.';
  }
  if (description.length > 200) {
    return `The description is ${description.length} characters long: keep it to one sentence (at most 200).`;
  }
  return undefined;
}

/**
 * The description a service gets when none is typed; derived from its name, so a rename derives
 * it again.
 * @example defaultDescription('billing') // 'The billing service.'
 */
export const defaultDescription = (name: string) => `The ${name} service.`;
