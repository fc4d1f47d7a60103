import { describe, expect, it } from 'vitest';
import { formatLogLine, useColor } from './format-log-line.ts';

const time = '2026-01-01T10:00:00.123Z';

describe('formatLogLine', () => {
  it.each([
    [
      { level: 'info', time, name: 'orders', pid: 1, msg: 'listening' },
      '10:00:00.123 INFO  listening',
    ],
    [{ level: 40, time, msg: 'slow', durationMs: 900 }, '10:00:00.123 WARN  slow durationMs=900'],
    [
      { level: 'info', time, msg: 'request completed', requestId: 'r-1', req: { method: 'GET' } },
      '10:00:00.123 INFO  request completed requestId=r-1 req={"method":"GET"}',
    ],
  ])('should print %j as one readable line', (entry, expected) => {
    expect(formatLogLine(JSON.stringify(entry))).toBe(expected);
  });

  it('should print an error stack below the line', () => {
    const err = { type: 'Error', message: 'boom', stack: 'Error: boom\n    at f (a.ts:1:1)' };
    const line = JSON.stringify({ level: 'error', time, msg: 'boom', err });
    expect(formatLogLine(line)).toBe(
      '10:00:00.123 ERROR boom\n    Error: boom\n    at f (a.ts:1:1)',
    );
  });

  it.each([
    'plain text from the service',
    '{"not":"a log line"}',
    '{"level":"info", broken',
    '[1,2]',
  ])('should pass %j through unchanged', (line) => {
    expect(formatLogLine(line)).toBe(line);
  });

  it('should colour the level only when asked', () => {
    const line = JSON.stringify({ level: 'error', time, msg: 'x' });
    expect(formatLogLine(line, { color: true })).toContain('\u001b[31mERROR');
    expect(formatLogLine(line)).not.toContain('\u001b[');
  });
});

describe('useColor', () => {
  const terminal = { hasColors: () => true };
  const pipe = {};
  it.each([
    [terminal, {}, true],
    [pipe, {}, false],
    [pipe, { FORCE_COLOR: '1' }, true],
    [terminal, { FORCE_COLOR: '0' }, false],
    [terminal, { NO_COLOR: '1' }, false],
    [pipe, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
  ])('should decide from the stream and %j env', (stream, env, expected) => {
    expect(useColor(stream, env)).toBe(expected);
  });
});
