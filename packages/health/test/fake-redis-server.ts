import { createServer } from 'node:net';
import { listenOnLoopback, trackSockets } from './loopback.ts';

export interface FakeRedisOptions {
  /** What to answer to PING, as a raw RESP reply; defaults to `+PONG\r\n`. */
  readonly pingReply?: string;
  /** Never answer anything (a hung server). */
  readonly silent?: boolean;
}

/**
 * A tiny RESP server on loopback: answers PING, accepts AUTH and SELECT, records every command.
 */
export async function startFakeRedis({
  pingReply = '+PONG\r\n',
  silent = false,
}: FakeRedisOptions = {}) {
  const commands: string[][] = [];
  const server = createServer((socket) => {
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      for (let parsed = parseCommand(buffered); parsed; parsed = parseCommand(buffered)) {
        buffered = buffered.slice(parsed.length);
        commands.push(parsed.args);
        if (!silent) socket.write(reply(parsed.args, pingReply));
      }
    });
  });
  const sockets = trackSockets(server);
  const port = await listenOnLoopback(server);
  return { port, commands, allClientsClosed: sockets.allClosed, close: sockets.close };
}

function reply(args: readonly string[], pingReply: string): string {
  const command = args[0]?.toUpperCase();
  if (command === 'PING') return pingReply;
  if (command === 'AUTH' || command === 'SELECT') return '+OK\r\n';
  return `-ERR unknown command '${command}'\r\n`;
}

// Parses one complete `*N\r\n$len\r\narg\r\n...` command from the front of the buffer.
function parseCommand(buffer: string): { args: string[]; length: number } | undefined {
  const header = /^\*(\d+)\r\n/.exec(buffer);
  if (!header?.[1]) return undefined;
  let offset = header[0].length;
  const args: string[] = [];
  for (let i = 0; i < Number(header[1]); i++) {
    const bulk = /^\$(\d+)\r\n/.exec(buffer.slice(offset));
    if (!bulk?.[1]) return undefined;
    const start = offset + bulk[0].length;
    const end = start + Number(bulk[1]);
    if (buffer.length < end + 2) return undefined;
    args.push(buffer.slice(start, end));
    offset = end + 2;
  }
  return { args, length: offset };
}
