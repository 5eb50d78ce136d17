import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import 'reflect-metadata';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadPrincipal, TokenService } from '@xp/access';
import { AppConfig, createDataSource, RequestContext } from '@xp/core';
import { MIGRATIONS } from '@xp/migrations';
import { createApp } from '../../apps/api/src/bootstrap';
import { ENTITIES } from '../../apps/api/src/entities';
import { ensureTemplate } from './template';
import { databaseUrl, readTestDatabaseInfo, silentLogger, testConfig } from './test-env';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions: { code: string; fields?: { path: string; message: string }[]; [key: string]: unknown };
}

export interface GqlResult<T> {
  data: T | null;
  errors?: GqlError[];
}

/** The demo logins by a short key, as API.md lists them. */
export const DEMO_USERS = {
  platformAdmin: 'platform.admin@demo.xuanpin.test',
  regionalManager: 'regional.manager@demo.xuanpin.test',
  govViewer: 'gov.viewer@demo.xuanpin.test',
  operatorAdmin: 'operator.admin@demo.xuanpin.test',
  pricingReviewer: 'pricing.reviewer@demo.xuanpin.test',
  showroomStaff: 'showroom.staff@demo.xuanpin.test',
  warehouseStaff: 'warehouse.staff@demo.xuanpin.test',
  factoryAdmin: 'factory.admin@demo.xuanpin.test',
  factory2Admin: 'factory2.admin@demo.xuanpin.test',
  operator2Admin: 'operator2.admin@demo.xuanpin.test',
} as const;

export type DemoUserKey = keyof typeof DEMO_USERS;
export const DEMO_USER_KEYS = Object.keys(DEMO_USERS) as DemoUserKey[];

/** Ids of the demo's fixed objects. */
export interface DemoIds {
  users: Record<DemoUserKey, string>;
  venues: { zz: string; yk: string };
  orgs: { platform: string; govZz: string; govYk: string; operatorA: string; operatorB: string; factoryA: string; factoryB: string };
  regions: { centralEast: string; south: string };
}

/** Who makes a call: a demo user's key, a raw token, or nobody. */
export type Caller = DemoUserKey | { token: string } | null;

/**
 * One API on its own database, cloned from the migrated, demo-loaded template: test files
 * run in parallel and never see each other's rows.
 */
export class TestApp {
  private readonly tokens = new Map<string, string>();

  private constructor(
    readonly app: NestFastifyApplication,
    readonly dataSource: DataSource,
    readonly config: AppConfig,
    readonly database: string,
    private readonly serverUrl: string,
    readonly demo: DemoIds,
  ) {}

  static async start(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
    const info = readTestDatabaseInfo();
    await ensureTemplate(info);
    const database = `xp_test_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(5).toString('hex')}`;
    const admin = new Client({ connectionString: info.serverUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${database} TEMPLATE ${info.template}`);
    } finally {
      await admin.end();
    }
    const config = testConfig(overrides);
    const dataSource = createDataSource({
      url: databaseUrl(info.serverUrl, database),
      entities: ENTITIES,
      migrations: MIGRATIONS,
      poolSize: config.dbPoolSize,
    });
    await dataSource.initialize();
    const app = await createApp({ config, dataSource, logger: silentLogger() });
    await app.getHttpAdapter().getInstance().ready();
    const demo = await loadDemoIds(dataSource);
    return new TestApp(app, dataSource, config, database, info.serverUrl, demo);
  }

  /** supertest against the app's HTTP server. */
  http() {
    return request(this.app.getHttpServer());
  }

  /** A valid access token for a user id (as login would issue). */
  async tokenForUser(userId: string): Promise<string> {
    const cached = this.tokens.get(userId);
    if (cached) return cached;
    const [{ token_version }] = await this.dataSource.query('SELECT token_version FROM users WHERE id = $1', [userId]);
    const token = this.app.get(TokenService).issue(userId, token_version).accessToken;
    this.tokens.set(userId, token);
    return token;
  }

  async tokenFor(caller: Caller): Promise<string | null> {
    if (caller === null) return null;
    if (typeof caller === 'object') return caller.token;
    return this.tokenForUser(this.demo.users[caller]);
  }

  /** Runs a GraphQL operation as `caller` and answers `{ data, errors }`. */
  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, caller: Caller = null): Promise<GqlResult<T>> {
    const token = await this.tokenFor(caller);
    const req = this.http().post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    if (res.status !== 200 && !res.body?.errors) {
      throw new Error(`GraphQL HTTP ${res.status}: ${res.text.slice(0, 500)}`);
    }
    return res.body as GqlResult<T>;
  }

  /** The data of an operation that must succeed (fails the test with the errors otherwise). */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, caller: Caller = null): Promise<T> {
    const result = await this.gql<T>(query, variables, caller);
    if (result.errors?.length) {
      throw new Error(`Expected success, got: ${JSON.stringify(result.errors, null, 2)}`);
    }
    return result.data as T;
  }

  /** The first error of an operation that must fail; also checks that no data leaked. */
  async fails(query: string, variables: Record<string, unknown> = {}, caller: Caller = null): Promise<GqlError> {
    const result = await this.gql(query, variables, caller);
    if (!result.errors?.length) throw new Error(`Expected an error, got data: ${JSON.stringify(result.data)}`);
    if (result.data && Object.values(result.data).some((v) => v !== null)) {
      throw new Error(`An error answer carried data: ${JSON.stringify(result.data)}`);
    }
    return result.errors[0];
  }

  /** A request context as a demo user (or any user id), for calling services directly. */
  async contextFor(caller: DemoUserKey | string): Promise<RequestContext> {
    const userId = caller in DEMO_USERS ? this.demo.users[caller as DemoUserKey] : caller;
    const loaded = await loadPrincipal(this.dataSource.manager, userId);
    if (!loaded) throw new Error(`No user ${caller}`);
    return new RequestContext(this.dataSource, { principal: loaded.principal });
  }

  /** Row count of a table, for "nothing changed" assertions. */
  async count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
    return n;
  }

  async close(): Promise<void> {
    await this.app.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    const admin = new Client({ connectionString: this.serverUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}

async function loadDemoIds(ds: DataSource): Promise<DemoIds> {
  const users: Record<string, string> = {};
  const rows: { id: string; email: string }[] = await ds.query('SELECT id, email FROM users WHERE email = ANY($1)', [
    Object.values(DEMO_USERS),
  ]);
  for (const [key, email] of Object.entries(DEMO_USERS)) {
    const row = rows.find((r) => r.email === email);
    if (!row) throw new Error(`Demo user ${email} is missing from the template`);
    users[key] = row.id;
  }
  const venue = async (code: string) => (await ds.query('SELECT id FROM venues WHERE code = $1', [code]))[0].id as string;
  const org = async (name: string) => (await ds.query('SELECT id FROM organizations WHERE name = $1', [name]))[0].id as string;
  const region = async (code: string) => (await ds.query('SELECT id FROM regions WHERE code = $1', [code]))[0].id as string;
  return {
    users: users as Record<DemoUserKey, string>,
    venues: { zz: await venue('ZZ-AIRPORT'), yk: await venue('YK-HARDWARE') },
    orgs: {
      platform: await org('1688 选品中心平台'),
      govZz: await org('郑州航空港经济综合实验区管理委员会'),
      govYk: await org('永康市人民政府'),
      operatorA: await org('郑州空港链主供应链管理有限公司'),
      operatorB: await org('永康五金城链主运营有限公司'),
      factoryA: await org('河南豫暖针织服饰有限公司'),
      factoryB: await org('义乌行远箱包有限公司'),
    },
    regions: { centralEast: await region('CENTRAL-EAST'), south: await region('SOUTH') },
  };
}
