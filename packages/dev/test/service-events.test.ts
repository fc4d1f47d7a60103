import { spawnSync } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pipeServiceOutput, type ServiceEvent, serviceEventsFlag } from '../src/service-output.ts';

describe('serviceEventsFlag', () => {
  it("should report the service process's start and exit code, and hide their marks", async () => {
    const child = spawnSync(
      process.execPath,
      [serviceEventsFlag, '-e', 'console.log("working"); process.exitCode = 3'],
      { encoding: 'utf8' },
    );
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => {
      written += chunk.toString();
    });
    const events: ServiceEvent[] = [];
    await pipeServiceOutput(Readable.from([child.stdout]), output, {
      format: 'pretty',
      onEvent: (event) => events.push(event),
    });
    expect(written).toBe('working\n');
    expect(events).toEqual([{ type: 'start' }, { type: 'exit', code: 3 }]);
  });
});
