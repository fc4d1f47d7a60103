import { callPolicyVariable, serviceUrlVariable } from '@slipway/platform-contract';

/** The two config entries a caller of `callee` reads, as `config.ts` declares them. */
function calleeConfigEntries(callee: string, localUrl: string): string {
  return [
    `/** Base URL of ${callee}; \`http://${callee}.<namespace>.svc.cluster.local:<port>\` in a cluster, set by infra from the manifests. */`,
    `${serviceUrlVariable(callee)}: z.url({ protocol: /^https?$/ }).default('${localUrl}'),`,
    `/** How calls to ${callee} are bounded, retried and broken; set by the platform from the manifest's \`calls\`. */`,
    `${callPolicyVariable(callee)}: callPolicySchema,`,
  ].join('\n');
}

const opening = new Set(['(', '[', '{']);
const closing = new Set([')', ']', '}']);

/** The index just past a string, template or comment starting at `at`, or `at` when none does. */
function skipLiteral(text: string, at: number): number {
  const char = text[at];
  if (char === '/' && text[at + 1] === '/') return text.indexOf('\n', at) + 1 || text.length;
  if (char === '/' && text[at + 1] === '*') return text.indexOf('*/', at + 2) + 2 || text.length;
  if (char !== "'" && char !== '"' && char !== '`') return at;
  let i = at + 1;
  while (i < text.length && text[i] !== char) i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/**
 * The span `[start, end)` of the second argument of `defineConfigSchema(…)` when it is an
 * object literal, else undefined. Strings and comments are skipped, so a brace in a
 * description does not count.
 */
function variablesObject(text: string): [number, number] | undefined {
  const call = text.indexOf('defineConfigSchema(');
  if (call === -1) return undefined;
  let depth = 0;
  let argument = 0;
  let start: number | undefined;
  for (let i = call + 'defineConfigSchema('.length; i < text.length; i += 1) {
    const skipped = skipLiteral(text, i);
    if (skipped !== i) {
      i = skipped - 1;
      continue;
    }
    const char = text[i] ?? '';
    if (depth === 0 && char === ',') argument += 1;
    else if (depth === 0 && char === ')') return undefined;
    else if (opening.has(char)) {
      if (depth === 0 && argument === 1 && char === '{') start = i;
      depth += 1;
    } else if (closing.has(char)) {
      depth -= 1;
      if (depth === 0 && start !== undefined) return [start, i + 1];
    }
  }
  return undefined;
}

/** `text` importing `callPolicySchema` from the scope's service client, after its config import. */
function withPolicySchemaImport(text: string, scope: string): string {
  if (/import \{[^}]*\bcallPolicySchema\b[^}]*\} from /.test(text)) return text;
  const line = `import { callPolicySchema } from '${scope}/service-client';\n`;
  const configImport = /^import [^\n]* from '[^']*\/config';\n/m.exec(text);
  if (!configImport) return `${line}${text}`;
  const at = configImport.index + configImport[0].length;
  return `${text.slice(0, at)}${line}${text.slice(at)}`;
}

/**
 * A caller's `config.ts` with the URL and call policy of `callee` added to the variables of
 * its `defineConfigSchema` call (with `callPolicySchema` imported from `scope`'s service client,
 * and `z` as a value when it was a type only), or undefined when the file does not have that
 * shape. Already declared: returned unchanged. The generator formats the result.
 * @example addCalleeToConfig(text, 'audit-trail', 'http://127.0.0.1:3004', '@acme')
 */
export function addCalleeToConfig(
  text: string,
  callee: string,
  localUrl: string,
  scope: string,
): string | undefined {
  if (new RegExp(`\\b${serviceUrlVariable(callee)}\\s*:`).test(text)) return text;
  const span = variablesObject(text);
  if (!span) return undefined;
  const [start, end] = span;
  const inside = text.slice(start + 1, end - 1).trimEnd();
  const separator = inside.trim() === '' || inside.endsWith(',') ? '' : ',';
  const withEntries = `${text.slice(0, start + 1)}${inside}${separator}\n${calleeConfigEntries(callee, localUrl)}\n}${text.slice(end)}`;
  return withPolicySchemaImport(
    withEntries.replace(/import type \{ z \} from 'zod';/, "import { z } from 'zod';"),
    scope,
  );
}
