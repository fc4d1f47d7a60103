import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseLogFormat, pipeServiceOutput, type ServiceEvent } from './service-output.ts';

const logLine = JSON.stringify({ level: 'info', time: '2026-01-01T10:00:00.000Z', msg: 'hi' });

async function pipe(text: string, format: 'pretty' | 'json') {
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => {
    written += chunk.toString();
  });
  const events: ServiceEvent[] = [];
  await pipeServiceOutput(Readable.from([text]), output, {
    format,
    onEvent: (event) => events.push(event),
  });
  return { written, events };
}

describe('parseLogFormat', () => {
  it.each([
    [undefined, 'pretty'],
    ['', 'pretty'],
    ['pretty', 'pretty'],
    ['json', 'json'],
  ])('should read %j as %s', (value, format) => {
    expect(parseLogFormat(value)).toBe(format);
  });

  it('should refuse an unknown format, naming the variable', () => {
    expect(() => parseLogFormat('yaml')).toThrow('SLIPWAY_LOG_FORMAT=yaml is not a log format');
  });
});

describe('pipeServiceOutput', () => {
  it('should pretty-print log lines and pass other lines through', async () => {
    const { written } = await pipe(`${logLine}\nplain\n`, 'pretty');
    expect(written).toBe('10:00:00.000 INFO  hi\nplain\n');
  });

  it('should keep JSON lines as they are in json format', async () => {
    const { written } = await pipe(`${logLine}\n`, 'json');
    expect(written).toBe(`${logLine}\n`);
  });
});
