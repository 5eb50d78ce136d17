import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DEMO_DATA: bool.optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(60 * 24 * 30).default(480),
  PUBLIC_BASE_URL: z.url().optional(),
  CONSOLE_ORIGIN: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  LABEL_ZPL_FONT: z
    .string()
    .regex(/^[A-Z]:[A-Za-z0-9_-]{1,16}\.[A-Za-z]{3}$/, 'must be a printer font like E:ANMDS.TTF (drive, name, extension)')
    .optional(),
  CONSOLE_DIR: z.string().min(1).default('./apps/console/dist'),
  REPORT_WARMUP: bool.optional(),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  embeddedPgPort: number;
  dbPoolSize: number;
  demoData: boolean;
  jwtSecret: string;
  tokenTtlMinutes: number;
  publicBaseUrl: string;
  consoleOrigin: string;
  logLevel: string;
  /** Login attempts per minute per client address and e-mail. */
  loginRateLimit: number;
  /** Public (unauthenticated) requests per minute per client address. */
  publicRateLimit: number;
  /** The printer-resident CJK font ZPL labels use (^A@); the renderer's default when unset. */
  labelZplFont?: string;
  /** The built console (`npm run build:console`), served at `/`. */
  consoleDir: string;
  /** Make the reports' usual periods each morning (off in tests: they call it themselves). */
  reportWarmup: boolean;
}

export class ConfigError extends Error {}

/** A stable secret for development: generated once into DATA_DIR so tokens survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Reads and checks the environment; a bad value stops the start with a sentence naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Configuration is not valid:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  if (production && !c.JWT_SECRET) {
    throw new ConfigError('Configuration is not valid:\n  JWT_SECRET: required when NODE_ENV=production (at least 32 characters)');
  }
  const dataDir = resolve(c.DATA_DIR);
  const publicBaseUrl = (c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir,
    embeddedPgPort: c.EMBEDDED_PG_PORT,
    dbPoolSize: c.DB_POOL_SIZE,
    demoData: c.DEMO_DATA ?? !production,
    jwtSecret: c.JWT_SECRET ?? developmentSecret(dataDir),
    tokenTtlMinutes: c.TOKEN_TTL_MINUTES,
    publicBaseUrl,
    consoleOrigin: c.CONSOLE_ORIGIN ?? publicBaseUrl,
    logLevel: c.LOG_LEVEL,
    loginRateLimit: c.LOGIN_RATE_LIMIT,
    publicRateLimit: c.PUBLIC_RATE_LIMIT,
    labelZplFont: c.LABEL_ZPL_FONT,
    consoleDir: resolve(c.CONSOLE_DIR),
    reportWarmup: c.REPORT_WARMUP ?? c.NODE_ENV !== 'test',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
