import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { AppConfig } from '@xp/core';

/** Written by the global setup, read by every test file. */
export interface TestDatabaseInfo {
  /** A superuser URL to the server, any database name appended. */
  serverUrl: string;
  template: string;
}

export const TEMPLATE_DATABASE = 'xp_template';
export const TEST_ENV_VAR = 'XUANPIN_TEST_DB';

export function readTestDatabaseInfo(): TestDatabaseInfo {
  const raw = process.env[TEST_ENV_VAR];
  if (!raw) throw new Error('The e2e global setup did not run (no test database). Run the tests with npm test.');
  return JSON.parse(raw) as TestDatabaseInfo;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    dataDir: join(tmpdir(), 'xuanpin-test-data'),
    embeddedPgPort: 0,
    dbPoolSize: 5,
    demoData: true,
    jwtSecret: 'test-secret-that-is-long-enough-for-hs256-signing',
    tokenTtlMinutes: 60,
    publicBaseUrl: 'http://xuanpin.test',
    consoleOrigin: 'http://xuanpin.test',
    logLevel: 'silent',
    loginRateLimit: 1000,
    publicRateLimit: 100_000,
    // No console unless a test builds one: tests never depend on `npm run build:console`.
    consoleDir: join(tmpdir(), 'xuanpin-test-no-console'),
    // Tests make the morning's reports themselves (RollupsService.warmUp), never in the background.
    reportWarmup: false,
    ...overrides,
  };
}

export const silentLogger = () => pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
