import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineConfigSchema } from './base-config.ts';
import { ConfigError } from './config-error.ts';
import { loadConfig } from './load-config.ts';
import { loadConfigOrExit } from './load-config-or-exit.ts';
import { Secret, secret } from './secret.ts';

const sentinel = 'sentinel-s3cr3t-value-9f2c';

const schema = defineConfigSchema(
  { name: 'orders', port: 3001 },
  {
    DATABASE_URL: secret(z.string().startsWith('postgres://', 'must start with postgres://')),
    API_TOKEN: secret(z.string().min(10)).optional(),
    FEATURE_LIMIT: z.coerce.number().int().positive(),
  },
);

function problemsOf(action: () => unknown): ConfigError {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('fills the base defaults from the service defaults', () => {
    const config = loadConfig(schema, {
      env: { DATABASE_URL: 'postgres://db/orders', FEATURE_LIMIT: '5' },
    });
    expect(config).toMatchObject({
      SERVICE_NAME: 'orders',
      PORT: 3001,
      METRICS_PORT: 9464,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      SHUTDOWN_DRAIN_MS: 5000,
      KEEP_ALIVE_TIMEOUT_MS: 65000,
      FEATURE_LIMIT: 5,
    });
  });

  it('lists every problem at once, naming each variable', () => {
    const error = problemsOf(() =>
      loadConfig(schema, { env: { PORT: 'eighty', LOG_LEVEL: 'loud', FEATURE_LIMIT: '-1' } }),
    );
    expect(error.problems.map((p) => p.variable).sort()).toEqual([
      'DATABASE_URL',
      'FEATURE_LIMIT',
      'LOG_LEVEL',
      'PORT',
    ]);
    expect(error.problems.find((p) => p.variable === 'DATABASE_URL')?.message).toBe(
      'is required but not set',
    );
    for (const variable of ['PORT', 'LOG_LEVEL', 'FEATURE_LIMIT', 'DATABASE_URL']) {
      expect(error.message).toContain(`- ${variable}: `);
    }
  });

  it('treats an empty variable as unset so defaults apply', () => {
    const config = loadConfig(schema, {
      env: { DATABASE_URL: 'postgres://x', FEATURE_LIMIT: '1', PORT: '' },
    });
    expect(config.PORT).toBe(3001);
  });

  it('reads a value from the file named by <NAME>_FILE, without the trailing newline', () => {
    const files: Record<string, string> = {
      '/var/run/secrets/slipway/DATABASE_URL': 'postgres://from-file/orders\n',
    };
    const config = loadConfig(schema, {
      env: { DATABASE_URL_FILE: '/var/run/secrets/slipway/DATABASE_URL', FEATURE_LIMIT: '2' },
      readFile: (path) => {
        const content = files[path];
        if (content === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
        return content;
      },
    });
    expect(config.DATABASE_URL.reveal()).toBe('postgres://from-file/orders');
  });

  it('reads <NAME>_FILE from the real file system by default', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'slipway-config-'));
    writeFileSync(join(dir, 'limit'), '7\n');
    const config = loadConfig(schema, {
      env: { FEATURE_LIMIT_FILE: join(dir, 'limit'), DATABASE_URL: 'postgres://x' },
    });
    expect(config.FEATURE_LIMIT).toBe(7);
  });

  it('reports an unreadable file and a variable set twice together with the other problems', () => {
    const error = problemsOf(() =>
      loadConfig(schema, {
        env: { DATABASE_URL: 'postgres://a', DATABASE_URL_FILE: '/a', FEATURE_LIMIT_FILE: '/nope' },
        readFile: () => {
          throw Object.assign(new Error('missing'), { code: 'ENOENT' });
        },
      }),
    );
    expect(error.problems).toEqual([
      {
        variable: 'DATABASE_URL',
        message: 'set either DATABASE_URL or DATABASE_URL_FILE, not both',
      },
      {
        variable: 'FEATURE_LIMIT_FILE',
        message: "cannot read '/nope' (ENOENT): mount the file or fix the path",
      },
    ]);
  });
});

describe('secrets', () => {
  it('never prints a secret value in errors, even when the value itself is invalid', () => {
    const refusing = defineConfigSchema(
      { name: 'orders', port: 1 },
      {
        API_TOKEN: secret(z.string().refine((v) => v.length > 100, { message: `no: ${sentinel}` })),
      },
    );
    const error = problemsOf(() => loadConfig(refusing, { env: { API_TOKEN: sentinel } }));
    expect(error.problems[0]?.variable).toBe('API_TOKEN');
    expect(error.message).not.toContain(sentinel);
    expect(JSON.stringify(error.problems)).not.toContain(sentinel);
  });

  it('redacts secrets in toString, JSON, util.inspect and template strings', () => {
    const config = loadConfig(schema, {
      env: {
        DATABASE_URL: `postgres://u:${sentinel}@db/orders`,
        API_TOKEN: sentinel,
        FEATURE_LIMIT: '1',
      },
    });
    expect(config.DATABASE_URL).toBeInstanceOf(Secret);
    expect(config.API_TOKEN?.reveal()).toBe(sentinel);
    for (const rendered of [
      JSON.stringify(config),
      inspect(config, { depth: 5 }),
      `${config.API_TOKEN}`,
      String(config.DATABASE_URL),
    ]) {
      expect(rendered).not.toContain(sentinel);
      expect(rendered).toContain('[redacted]');
    }
  });

  it('keeps secrets out of structured logs', async () => {
    const { default: pino } = await import('pino');
    const lines: string[] = [];
    const logger = pino({}, { write: (line: string) => lines.push(line) });
    const config = loadConfig(schema, {
      env: { DATABASE_URL: `postgres://${sentinel}`, FEATURE_LIMIT: '1' },
    });
    logger.info({ config }, 'configuration loaded');
    expect(lines.join('')).toContain('configuration loaded');
    expect(lines.join('')).not.toContain(sentinel);
  });
});

describe('loadConfigOrExit', () => {
  it('prints every problem and exits with code 1 instead of starting', () => {
    let written = '';
    const exit = (code: number): never => {
      throw new Error(`exit ${code}`);
    };
    expect(() =>
      loadConfigOrExit(schema, {
        env: { PORT: 'x', API_TOKEN: sentinel.slice(0, 3) },
        write: (t) => {
          written += t;
        },
        exit,
      }),
    ).toThrow('exit 1');
    expect(written).toContain('- PORT:');
    expect(written).toContain('- DATABASE_URL: is required but not set');
    expect(written).toContain('- FEATURE_LIMIT:');
    expect(written).toContain('- API_TOKEN:');
  });
});
