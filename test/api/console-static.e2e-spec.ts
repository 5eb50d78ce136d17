import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFileOf, cacheControlFor, isApiPath } from '../../apps/api/src/console.static';
import { TestApp } from '../support/test-app';

const INDEX = '<!doctype html><html><body><div id="root"></div><script src="/assets/index-3f9a1c.js"></script></body></html>';
const SCRIPT = 'console.log("console");';

describe('serving the console', () => {
  describe('when it has been built', () => {
    let t: TestApp;
    let dist: string;
    beforeAll(async () => {
      dist = mkdtempSync(join(tmpdir(), 'xp-console-dist-'));
      mkdirSync(join(dist, 'assets'));
      writeFileSync(join(dist, 'index.html'), INDEX);
      writeFileSync(join(dist, 'assets', 'index-3f9a1c.js'), SCRIPT);
      writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
      writeFileSync(join(dist, '.build-stamp'), 'stamp');
      t = await TestApp.start({ consoleDir: dist });
    });
    afterAll(async () => {
      await t.close();
      rmSync(dist, { recursive: true, force: true });
    });

    it('serves index.html at / and never lets it be cached', async () => {
      const res = await t.http().get('/');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toBe(INDEX);
    });

    it('serves hashed assets as immutable for a year', async () => {
      const res = await t.http().get('/assets/index-3f9a1c.js');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.text).toBe(SCRIPT);
    });

    it('serves other files of the build without long caching', async () => {
      const res = await t.http().get('/favicon.svg');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    });

    it('answers the console routes (a reload on /venues/1/show) with index.html', async () => {
      for (const path of ['/venues', '/venues/5b0c5e0e-9a8d-4a57-9a4e-1b2c3d4e5f60/show', '/login', '/users?page=2']) {
        const res = await t.http().get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.text).toBe(INDEX);
      }
    });

    it('answers unknown API paths and missing assets with a JSON 404, not the console', async () => {
      for (const path of ['/api/nothing', '/s/NOPE/extra/path', '/health/deep', '/graphql/x', '/assets/index-000000.js']) {
        const res = await t.http().get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
        expect(res.headers['content-type']).toMatch(/application\/json/);
        expect(res.body.error.code).toBe('NOT_FOUND');
        expect(res.text).not.toContain('<html');
      }
    });

    it('keeps the API routes working beside the console', async () => {
      expect((await t.http().get('/health')).body.status).toBe('ok');
      const data = await t.ok('{ me { email } }', {}, 'platformAdmin');
      expect(data.me.email).toBe('platform.admin@demo.xuanpin.test');
    });

    it('does not serve the build stamp or paths outside the build', async () => {
      const stamp = await t.http().get('/.build-stamp');
      expect(stamp.text).not.toBe('stamp');
      const escape = await t.http().get('/..%2f..%2fpackage.json');
      expect(escape.text).not.toContain('"dependencies"');
    });

    it('serves the files of a rebuild made while the API runs', async () => {
      writeFileSync(join(dist, 'assets', 'index-9b8e7d.js'), 'console.log("rebuilt");');
      const res = await t.http().get('/assets/index-9b8e7d.js');
      expect(res.status).toBe(200);
      expect(res.text).toBe('console.log("rebuilt");');
    });

    it('refuses other methods on console paths', async () => {
      const res = await t.http().post('/venues').send({});
      expect(res.status).toBe(404);
    });
  });

  describe('when it has not been built', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start({ consoleDir: join(tmpdir(), 'xp-console-never-built') });
    });
    afterAll(() => t.close());

    it('answers / with a short page saying how to build it', async () => {
      const res = await t.http().get('/');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('npm run build:console');
    });

    it('still answers other unknown paths with 404', async () => {
      const res = await t.http().get('/venues');
      expect(res.status).toBe(404);
    });
  });

  describe('path rules', () => {
    it('recognises the API paths and nothing else', () => {
      expect(['/graphql', '/graphql?x=1', '/api/documents/1', '/s/ABC', '/health'].map(isApiPath)).toEqual([true, true, true, true, true]);
      expect(['/', '/apis', '/settings', '/healthy', '/venues/1/show'].map(isApiPath)).toEqual([false, false, false, false, false]);
    });

    it('finds only files inside the build, never dot files or paths that climb out', () => {
      const dist = mkdtempSync(join(tmpdir(), 'xp-console-paths-'));
      mkdirSync(join(dist, 'assets'));
      writeFileSync(join(dist, 'assets', 'a.js'), '');
      writeFileSync(join(dist, '.build-stamp'), '');
      expect(buildFileOf(dist, '/assets/a.js?v=1')).toBe('assets/a.js');
      expect(buildFileOf(dist, '/.build-stamp')).toBeNull();
      expect(buildFileOf(dist, '/assets/../../etc/passwd')).toBeNull();
      expect(buildFileOf(dist, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
      expect(buildFileOf(dist, '/assets')).toBeNull();
      expect(buildFileOf(dist, '/%E0%A4%A')).toBeNull();
      rmSync(dist, { recursive: true, force: true });
    });

    it('caches only the hashed assets for long', () => {
      expect(cacheControlFor('assets/index-abc.js')).toContain('immutable');
      expect(cacheControlFor('index.html')).toBe('no-cache');
      expect(cacheControlFor('favicon.svg')).toBe('no-cache');
    });
  });
});
