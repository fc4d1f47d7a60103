/**
 * Calls `onAbort` once when the signal aborts (at once if it already has); returns a function
 * that removes the listener, so finished checks do not keep their cleanup alive.
 *
 * @example
 * const dispose = onAbort(signal, () => socket.destroy());
 * try { await connected; } finally { dispose(); }
 */
export function onAbort(signal: AbortSignal, onAbort: () => void): () => void {
  if (signal.aborted) {
    onAbort();
    return () => {};
  }
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}
