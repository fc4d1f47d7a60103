import type { Workspace } from './workspaces.ts';

/**
 * Every workspace a workspace depends on, directly or through other workspaces (the edges
 * turbo's package graph has), excluding itself. Cycles are tolerated.
 * @example workspaceClosure(workspaces, 'orders') // Set { '@slipway/config', … }
 */
export function workspaceClosure(workspaces: readonly Workspace[], name: string): Set<string> {
  const byName = new Map(workspaces.map((ws) => [ws.name, ws]));
  const seen = new Set<string>();
  const queue = [...(byName.get(name)?.dependencies ?? [])];
  while (queue.length > 0) {
    const next = queue.pop();
    if (next === undefined || seen.has(next) || next === name) continue;
    const ws = byName.get(next);
    if (!ws) continue; // a registry package, not a workspace
    seen.add(next);
    queue.push(...ws.dependencies);
  }
  return seen;
}

/**
 * The workspace that owns a repository-relative file: the one with the longest folder prefix.
 * @example owningWorkspace(workspaces, 'packages/config/src/index.ts')?.name // '@slipway/config'
 */
export function owningWorkspace(
  workspaces: readonly Workspace[],
  file: string,
): Workspace | undefined {
  let best: Workspace | undefined;
  for (const ws of workspaces) {
    if (file.startsWith(`${ws.dir}/`) && (!best || ws.dir.length > best.dir.length)) best = ws;
  }
  return best;
}
