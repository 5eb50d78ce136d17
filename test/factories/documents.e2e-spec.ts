import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { DocumentKind, MAX_DOCUMENT_BYTES } from '@xp/factories';
import { elfExecutable, oleEncrypted, tinyJpeg, tinyPdf, tinyPng, tinyWebp, windowsExe, xlsxBomb } from '../support/files';
import { Given } from '../support/given';
import { Caller, TestApp } from '../support/test-app';
import { DOCUMENT, DOCUMENTS, download, upload, uploaded } from './ops';

describe('documents over HTTP', () => {
  let t: TestApp;
  let given: Given;
  let licenceA: string;
  let licenceB: string;
  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
    const licence = async (org: string) =>
      (await t.dataSource.query("SELECT id FROM documents WHERE owner_org_id = $1 AND kind = 'BUSINESS_LICENSE'", [org]))[0].id as string;
    licenceA = await licence(t.demo.orgs.factoryA);
    licenceB = await licence(t.demo.orgs.factoryB);
  });
  afterAll(() => t.close());

  const documents = () => t.count('documents');

  /** A POST over a real socket with a chunked body (no Content-Length), as a browser stream would send. */
  async function rawPost(path: string, headers: Record<string, string>, body: Readable): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      return await new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: { 'content-length': req.getHeader('content-length') } }));
        });
        req.on('error', reject);
        body.on('error', reject);
        body.pipe(req);
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  describe('upload', () => {
    it.each([
      ['PDF', tinyPdf(), 'application/pdf'],
      ['JPEG', tinyJpeg(), 'image/jpeg'],
      ['PNG', tinyPng(), 'image/png'],
      ['WebP', tinyWebp(), 'image/webp'],
    ])('stores a %s licence with its SHA-256, type decided by content', async (_name, content, mimeType) => {
      const res = await upload(t, 'factoryAdmin', DocumentKind.BUSINESS_LICENSE, content, 'scan.dat', 'application/x-whatever');
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), sha256: createHash('sha256').update(content).digest('hex'), mimeType, size: content.length });
      const [row] = await t.dataSource.query(
        'SELECT d.owner_org_id, d.kind, d.original_name, c.content FROM documents d JOIN document_contents c ON c.document_id = d.id WHERE d.id = $1',
        [res.body.id],
      );
      expect(row).toMatchObject({ owner_org_id: t.demo.orgs.factoryA, kind: 'BUSINESS_LICENSE', original_name: 'scan.dat' });
      expect(Buffer.compare(row.content, content)).toBe(0);
      expect(await t.count('audit_events', "entity_id = $1 AND action = 'document.uploaded'", [res.body.id])).toBe(1);
    });

    it('refuses a renamed executable whatever its name and declared type say', async () => {
      const before = await documents();
      for (const program of [windowsExe(), elfExecutable()]) {
        const res = await upload(t, 'factoryAdmin', DocumentKind.BUSINESS_LICENSE, program, '营业执照.pdf', 'application/pdf');
        expect(res.status).toBe(400);
        expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'file', message: expect.stringMatching(/program/) }] });
      }
      expect(await documents()).toBe(before);
    });

    it('refuses an empty file, a text file as a licence and a PDF as a product image', async () => {
      const before = await documents();
      const empty = await upload(t, 'factoryAdmin', DocumentKind.BUSINESS_LICENSE, Buffer.alloc(0), 'empty.pdf');
      expect(empty.status).toBe(400);
      expect(empty.body.error.fields[0]).toMatchObject({ path: 'file', message: expect.stringMatching(/empty/) });
      const text = await upload(t, 'factoryAdmin', DocumentKind.BUSINESS_LICENSE, Buffer.from('not a licence'), 'a.pdf');
      expect(text.body.error.code).toBe('VALIDATION_FAILED');
      const image = await upload(t, 'factoryAdmin', DocumentKind.PRODUCT_IMAGE, tinyPdf(), 'a.jpg');
      expect(image.body.error.fields[0].message).toMatch(/PDF file; a PRODUCT_IMAGE must be one of JPG, PNG, WEBP/);
      expect(await documents()).toBe(before);
    });

    it('takes XLSX and CSV as spreadsheets and refuses encrypted workbooks and ZIP bombs', async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('S').addRow(['a']);
      const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
      expect((await upload(t, 'factoryAdmin', DocumentKind.SPREADSHEET, xlsx, 'a.csv')).body.mimeType).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect((await upload(t, 'factoryAdmin', DocumentKind.SPREADSHEET, Buffer.from('a,b\n1,2\n'), 'a.xlsx')).body.mimeType).toBe('text/csv');
      const before = await documents();
      const encrypted = await upload(t, 'factoryAdmin', DocumentKind.SPREADSHEET, oleEncrypted(), 'a.xlsx');
      expect(encrypted.body.error.fields[0].message).toMatch(/password-protected/);
      const bomb = await upload(t, 'factoryAdmin', DocumentKind.SPREADSHEET, xlsxBomb(50 * 1024 * 1024), 'a.xlsx');
      expect(bomb.body.error.fields[0].message).toMatch(/ZIP bomb/);
      const huge = await upload(t, 'factoryAdmin', DocumentKind.SPREADSHEET, xlsxBomb(200 * 1024 * 1024), 'a.xlsx');
      expect(huge.body.error.fields[0].message).toMatch(/expands to more than 64 MB/);
      expect((await upload(t, 'factoryAdmin', DocumentKind.SPREADSHEET, tinyPdf(), 'a.xlsx')).status).toBe(400);
      expect(await documents()).toBe(before);
    });

    it('accepts exactly 10 MB', async () => {
      const content = Buffer.concat([tinyPdf(), Buffer.alloc(MAX_DOCUMENT_BYTES - tinyPdf().length, 0x20)]);
      const res = await upload(t, 'factoryAdmin', DocumentKind.INSPECTION_REPORT, content, 'big.pdf');
      expect(res.status).toBe(201);
      expect(res.body.size).toBe(MAX_DOCUMENT_BYTES);
    });

    it('answers 413 PAYLOAD_TOO_LARGE from the announced length, before reading the body', async () => {
      const before = await documents();
      const content = Buffer.concat([tinyPdf(), Buffer.alloc(MAX_DOCUMENT_BYTES + 100 * 1024)]);
      const res = await upload(t, 'factoryAdmin', DocumentKind.BUSINESS_LICENSE, content, 'big.pdf');
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/10 MB/) } });
      expect(await documents()).toBe(before);
    });

    it('cuts off a streamed upload without a length at 10 MB with the same answer', async () => {
      const before = await documents();
      const token = await t.tokenFor('factoryAdmin');
      const boundary = 'xpboundary';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nBUSINESS_LICENSE\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      async function* body() {
        yield head;
        yield tinyPdf();
        for (let i = 0; i < 11; i++) yield chunk;
        yield tail;
      }
      const res = await rawPost('/api/documents', {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      }, Readable.from(body()));
      expect(res.headers['content-length']).toBeUndefined();
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/10 MB/) } });
      expect(await documents()).toBe(before);
    });

    it('refuses a missing or unknown kind, a missing file, a non-multipart body and two files', async () => {
      const token = await t.tokenFor('factoryAdmin');
      const before = await documents();
      const noKind = await t.http().post('/api/documents').set('authorization', `Bearer ${token}`).attach('file', tinyPdf(), 'a.pdf');
      expect(noKind.body.error.fields[0].path).toBe('kind');
      expect((await upload(t, 'factoryAdmin', 'PASSPORT', tinyPdf())).body.error.fields[0].path).toBe('kind');
      const noFile = await t.http().post('/api/documents').set('authorization', `Bearer ${token}`).field('kind', 'OTHER');
      expect(noFile.body.error.fields[0]).toMatchObject({ path: 'file', message: expect.stringMatching(/missing/) });
      const json = await t.http().post('/api/documents').set('authorization', `Bearer ${token}`).send({ kind: 'OTHER' });
      expect(json.status).toBe(400);
      const two = await t
        .http()
        .post('/api/documents')
        .set('authorization', `Bearer ${token}`)
        .field('kind', 'OTHER')
        .attach('file', tinyPdf(), 'a.pdf')
        .attach('file', tinyPdf(), 'b.pdf');
      expect(two.status).toBe(400);
      expect(await documents()).toBe(before);
    });

    it('refuses anonymous uploads', async () => {
      const res = await upload(t, null, DocumentKind.BUSINESS_LICENSE, tinyPdf());
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('download', () => {
    it('streams the bytes to the owner with their type and a name carrying the right extension', async () => {
      const content = tinyPdf('mine');
      const id = await uploaded(t, 'factoryAdmin', DocumentKind.BUSINESS_LICENSE, content, '营业执照.exe');
      const res = await download(t, 'factoryAdmin', id);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`inline; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('营业执照.pdf')}`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(res.body, content)).toBe(0);
    });

    it.each<[Caller, number]>([
      ['factoryAdmin', 200],
      ['operatorAdmin', 200],
      ['showroomStaff', 200],
      ['platformAdmin', 200],
      ['regionalManager', 200],
      ['factory2Admin', 404],
      ['operator2Admin', 404],
      ['govViewer', 404],
    ])("lets %s read factory A's licence: %i", async (caller, status) => {
      const res = await download(t, caller, licenceA);
      expect(res.status).toBe(status);
      if (status === 404) {
        expect(JSON.parse(res.body.toString())).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
      }
    });

    it("lets the other venue's operator read the papers of a factory that applied there", async () => {
      expect((await download(t, 'operator2Admin', licenceB)).status).toBe(200);
      expect((await download(t, 'factoryAdmin', licenceB)).status).toBe(404);
    });

    it('keeps a draft applicant’s papers from the operator', async () => {
      const factory = await given.factory();
      const id = await uploaded(t, { token: factory.admin.token }, DocumentKind.BUSINESS_LICENSE, tinyPdf());
      const { id: venueFactoryId } = await given.admission(t.demo.venues.zz, factory.org.id, 'DRAFT' as never);
      expect(venueFactoryId).toBeDefined();
      expect((await download(t, 'operatorAdmin', id)).status).toBe(404);
      await t.dataSource.query("UPDATE venue_factories SET status = 'SUBMITTED', submitted_at = now() WHERE id = $1", [venueFactoryId]);
      expect((await download(t, 'operatorAdmin', id)).status).toBe(200);
    });

    it('answers 401 without a token and 404 for a missing or malformed id', async () => {
      expect((await download(t, null, licenceA)).status).toBe(401);
      expect((await download(t, 'platformAdmin', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await download(t, 'platformAdmin', 'x')).status).toBe(404);
    });
  });

  describe('GraphQL', () => {
    it('lists the owner its documents by kind, never another factory’s', async () => {
      const { documents: mine } = await t.ok(DOCUMENTS, { filter: { kind: 'TRADEMARK_CERTIFICATE' } }, 'factoryAdmin');
      expect(mine.items.length).toBeGreaterThan(0);
      expect(mine.items.every((d: { ownerOrgId: string; kind: string }) => d.ownerOrgId === t.demo.orgs.factoryA && d.kind === 'TRADEMARK_CERTIFICATE')).toBe(true);
      const { documents: theirs } = await t.ok(DOCUMENTS, { filter: { ownerOrgId: t.demo.orgs.factoryA } }, 'factory2Admin');
      expect(theirs).toEqual({ total: 0, items: [] });
      const { documents: gov } = await t.ok(DOCUMENTS, {}, 'govViewer');
      expect(gov.total).toBe(0);
      const { documents: operator } = await t.ok(DOCUMENTS, { filter: { ownerOrgId: t.demo.orgs.factoryA } }, 'operatorAdmin');
      expect(operator.items.map((d: { id: string }) => d.id)).toContain(licenceA);
    });

    it('answers NOT_FOUND for another tenant’s document', async () => {
      expect((await t.ok(DOCUMENT, { id: licenceA }, 'factoryAdmin')).document.kind).toBe('BUSINESS_LICENSE');
      for (const caller of ['factory2Admin', 'operator2Admin', 'govViewer'] as Caller[]) {
        expect((await t.fails(DOCUMENT, { id: licenceA }, caller)).extensions.code).toBe('NOT_FOUND');
      }
    });
  });
});
