import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';

const secret = 'a-real-production-secret-of-enough-length-0123456789';
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('configuration', () => {
  it('defaults to an embedded SQLite file and the contract defaults', () => {
    const config = loadConfig({ JWT_SECRET: secret });
    expect(config.database).toEqual({ type: 'sqlite', path: './data/ledger.sqlite' });
    expect(config).toMatchObject({ port: 3000, tokenAsset: 'rents', rootAsset: 'usd', defaultCurrency: 'usd', socketPath: '/socket.io', networkId: 'default', enableTestClock: false });
    expect(config.legacy).toEqual({ enabled: true, secret: null, allowGet: false, balanceGetEnabled: true, numberDigits: 2, hashFailLimit: 10, hashFailWindowSeconds: 60 });
  });

  it('reads PostgreSQL and sqlite: URLs', () => {
    expect(loadConfig({ JWT_SECRET: secret, DATABASE_URL: 'postgres://u:p@h/db' }).database).toMatchObject({ type: 'postgres', url: 'postgres://u:p@h/db' });
    expect(loadConfig({ JWT_SECRET: secret, DATABASE_URL: 'sqlite:/tmp/x.sqlite' }).database).toEqual({ type: 'sqlite', path: '/tmp/x.sqlite' });
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({ JWT_SECRET: secret, PORT: 'abc', DATABASE_URL: 'mysql://x', LEGACY_ALLOW_GET: 'maybe', TOKEN_ASSET: 'R$', SOCKET_PATH: 'io' });
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/LEGACY_ALLOW_GET/);
    expect(problems.join('\n')).toMatch(/TOKEN_ASSET/);
    expect(problems.join('\n')).toMatch(/SOCKET_PATH/);
    expect(problems).toHaveLength(5);
  });

  it('refuses to start in production without real secrets or with the test clock', () => {
    expect(problemsOf({ NODE_ENV: 'production' }).join()).toMatch(/JWT_SECRET .*required/);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'short' }).join()).toMatch(/JWT_SECRET must be a real secret/);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: secret, ENABLE_TEST_CLOCK: 'true' }).join()).toMatch(/ENABLE_TEST_CLOCK/);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: secret })).toEqual([]);
  });
});
