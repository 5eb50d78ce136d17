import { LabelRenderer, LabelStalenessService } from '@xp/labels';
import { formatYuan } from '@xp/core';
import { ScanPageCache } from '@xp/scans';
import { Given, givenShelf } from '../support/given';
import { Caller, TestApp } from '../support/test-app';
import { decodeQr, rasterizePdf } from './support/raster';
import { CREATE_JOB, LABELS, labelWorld, LabelWorld, SUPPLY_FEN, WHOLESALE_FEN } from './support/world';

const JOB = 'query($id: ID!) { labelPrintJob(id: $id) { id status labelCount fileName createdByName } }';
const JOBS = 'query($filter: LabelPrintJobFilter) { labelPrintJobs(filter: $filter, perPage: 200) { total items { id createdByName } } }';

describe('label print jobs', () => {
  let t: TestApp;
  let w: LabelWorld;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await labelWorld(t);
  });
  afterAll(() => t.close());

  const print = (caller: Caller, input: Record<string, unknown>) => t.gql(CREATE_JOB, { input: { venueId: w.venueId, templateId: w.template, ...input } }, caller);
  const file = async (jobId: string, caller: Caller = 'showroomStaff') => {
    const token = await t.tokenFor(caller);
    const req = t.http().get(`/api/label-jobs/${jobId}/file`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    if (token) req.set('authorization', `Bearer ${token}`);
    return req;
  };
  const liveLabels = async (filter: Record<string, unknown>) =>
    (await t.ok(LABELS, { filter: { venueId: w.venueId, ...filter } }, 'showroomStaff')).labels.items as {
      id: string;
      code: string;
      status: string;
      slotId: string;
      replacedBy: string | null;
      scanUrl: string;
      slot: { code: string };
    }[];

  describe('printing a shelf', () => {
    let pdfJob: { id: string; labelCount: number; skipped: { slotCode: string; reason: string }[]; fileUrl: string; fileName: string };
    let pdfCodes: string[];

    it('prints one PDF label per slot that shows a priced SKU today, and reports the others', async () => {
      const { data, errors } = await print('showroomStaff', { format: 'PDF', selection: { shelfIds: [w.shelf.shelfId] } });
      expect(errors).toBeUndefined();
      pdfJob = data!.createLabelPrintJob;
      expect(pdfJob).toMatchObject({ status: 'DONE', format: 'PDF', labelCount: 3, pageCount: 3, mimeType: 'application/pdf', template: { code: 'ROLL-50X30' } });
      expect(pdfJob.fileUrl).toBe(`/api/label-jobs/${pdfJob.id}/file`);
      expect(pdfJob.fileName).toMatch(/^货架标签-ZZ-AIRPORT-\d{4}-\d{2}-\d{2}-3张\.pdf$/);
      expect(pdfJob.skipped.map((s) => [s.slotCode, s.reason])).toEqual([
        [w.shelf.slots[3].code, 'NOT_PRICED'],
        [w.shelf.slots[4].code, 'NO_ASSIGNMENT'],
      ]);
      const labels = await liveLabels({ jobId: pdfJob.id });
      expect(labels.map((l) => l.slot.code).sort()).toEqual(w.shelf.slots.slice(0, 3).map((s) => s.code));
      expect(labels.every((l) => /^[0-9A-HJKMNP-TV-Z]{12}$/.test(l.code) && l.status === 'PRINTED')).toBe(true);
      pdfCodes = labels.sort((a, b) => a.slot.code.localeCompare(b.slot.code)).map((l) => l.code);
    });

    it('records slot, SKU, assignment, price version and template with each label', async () => {
      const rows = await t.dataSource.query(
        `SELECT l.sku_id, a.sku_id AS assigned_sku, v.sku_id AS priced_sku, l.template_id FROM labels l
         JOIN slot_assignments a ON a.id = l.assignment_id JOIN price_sheet_lines v ON v.id = l.price_version_id
         WHERE l.job_id = $1`,
        [pdfJob.id],
      );
      expect(rows).toHaveLength(3);
      for (const r of rows) expect(r).toEqual({ sku_id: r.assigned_sku, assigned_sku: r.sku_id, priced_sku: r.sku_id, template_id: w.template });
    });

    it('streams the PDF to the venue staff; its QR codes lead to the right scan pages and its text has the Chinese titles', async () => {
      const res = await file(pdfJob.id);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(pdfJob.fileName)}`);
      const pages = rasterizePdf(res.body as Buffer);
      expect(pages).toHaveLength(3);
      const decoded = pages.map((p) => decodeQr(p));
      expect(decoded).toEqual(pdfCodes.map((code) => `http://xuanpin.test/s/${code}`));
      for (const [i, page] of pages.entries()) {
        expect(page.text.replace(/\s/g, '')).toContain(w.skus[i].title.slice(0, 6));
        expect(page.text).toContain(formatYuan(WHOLESALE_FEN));
        expect(page.text).not.toContain(formatYuan(SUPPLY_FEN));
      }
      // The QR leads to the scan page of that very SKU.
      const scan = await t.http().get(new URL(decoded[0]!).pathname);
      expect(scan.status).toBe(200);
      expect(scan.text).toContain(w.skus[0].title);
      expect(scan.text).toContain(`¥${formatYuan(WHOLESALE_FEN)}`);
      expect(scan.text).not.toContain(formatYuan(SUPPLY_FEN));
    });

    it('prints the same shelf as ZPL for a Zebra printer, retiring the PDF labels it replaces', async () => {
      const { createLabelPrintJob: job } = await t.ok(
        CREATE_JOB,
        { input: { venueId: w.venueId, templateId: w.template, format: 'ZPL', zplDpi: 300, selection: { slotIds: w.shelf.slots.slice(0, 3).map((s) => s.id) } } },
        'operatorAdmin',
      );
      expect(job).toMatchObject({ status: 'DONE', format: 'ZPL', zplDpi: 300, labelCount: 3, mimeType: 'application/vnd.zebra.zpl' });
      const res = await file(job.id);
      expect(res.status).toBe(200);
      const zpl = (res.body as Buffer).toString('utf8');
      const fresh = await liveLabels({ jobId: job.id });
      expect(zpl.match(/\^XA/g)).toHaveLength(3);
      expect(zpl).toContain('^BQ');
      for (const l of fresh) expect(zpl).toContain(l.scanUrl);
      expect(zpl).toContain(w.skus[0].title.slice(0, 4));
      expect(zpl).not.toContain(formatYuan(SUPPLY_FEN));
      const old = await liveLabels({ jobId: pdfJob.id, status: 'RETIRED' });
      expect(old).toHaveLength(3);
      for (const o of old) expect(fresh.find((f) => f.slotId === o.slotId)?.id).toBe(o.replacedBy);
      // A slot carries one live label: the old code now answers a friendly 404.
      await t.app.get(ScanPageCache).sync(); // the change's notification has reached the page's cache
      const gone = await t.http().get(`/s/${pdfCodes[0]}`);
      expect(gone.status).toBe(404);
      expect(gone.text).toContain('此标签已更换');
    });

    it('previews a page as SVG', async () => {
      const { createLabelPrintJob: job } = await t.ok(CREATE_JOB, { input: { venueId: w.venueId, templateId: w.template, format: 'SVG', selection: { slotIds: [w.shelf.slots[0].id] } } }, 'showroomStaff');
      const res = await file(job.id);
      expect(res.headers['content-type']).toBe('image/svg+xml');
      expect((res.body as Buffer).toString('utf8')).toContain('<svg');
    });
  });

  describe('previewing before printing', () => {
    const PREVIEW = `query($input: PreviewLabelsInput!) { previewLabels(input: $input) { svg page pageCount labelCount omitted skipped { slotCode reason } } }`;
    const counts = async () => [await t.count('label_print_jobs'), await t.count('labels'), await t.count('audit_events'), await t.count('labels', "status = 'RETIRED'")];
    const preview = (caller: Caller, input: Record<string, unknown>) => t.gql(PREVIEW, { input: { venueId: w.venueId, templateId: w.template, ...input } }, caller);

    it('shows a page of the labels a shelf would print as SVG, with the skipped slots, and writes nothing', async () => {
      const before = await counts();
      const { data, errors } = await preview('showroomStaff', { selection: { shelfIds: [w.shelf.shelfId] } });
      expect(errors).toBeUndefined();
      const p = data!.previewLabels;
      expect(p).toMatchObject({ page: 1, pageCount: 3, labelCount: 3 });
      expect(p.svg).toMatch(/^(<\?xml[^>]*>\s*)?<svg/);
      expect(p.svg).toContain(w.skus[0].title.slice(0, 4));
      expect(p.svg).toContain(w.skus[0].code);
      expect(p.svg).not.toContain(w.skus[1].code);
      // The QR codes carry the placeholder code, never a real one.
      expect(p.svg).toContain('<title>http://xuanpin.test/s/000000000000</title>');
      expect(p.skipped.map((s: { slotCode: string; reason: string }) => [s.slotCode, s.reason])).toEqual([
        [w.shelf.slots[3].code, 'NOT_PRICED'],
        [w.shelf.slots[4].code, 'NO_ASSIGNMENT'],
      ]);
      const second = (await t.ok(PREVIEW, { input: { venueId: w.venueId, templateId: w.template, page: 2, selection: { shelfIds: [w.shelf.shelfId] } } }, 'operatorAdmin')).previewLabels;
      expect(second.page).toBe(2);
      expect(second.svg).toContain(w.skus[1].code);
      expect(await counts()).toEqual(before);
    });

    it('refuses other tenants, roles that do not print, a page out of range and an empty selection', async () => {
      const shelf = { selection: { shelfIds: [w.shelf.shelfId] } };
      const refused = async (caller: Caller, input: Record<string, unknown>, code: string) => {
        const { data, errors } = await preview(caller, input);
        expect(data?.previewLabels ?? null).toBeNull();
        expect(errors?.[0].extensions.code).toBe(code);
        return errors![0];
      };
      await refused('operator2Admin', shelf, 'NOT_FOUND');
      for (const caller of ['warehouseStaff', 'factoryAdmin', 'govViewer'] as const) await refused(caller, shelf, 'FORBIDDEN');
      await refused(null, shelf, 'UNAUTHENTICATED');
      const other = await givenShelf(t, t.demo.venues.yk, 1);
      const foreign = await refused('showroomStaff', { selection: { shelfIds: [other.shelfId] } }, 'VALIDATION_FAILED');
      expect(foreign.extensions.fields?.map((f) => f.path)).toContain('input.selection.shelfIds.0');
      expect((await refused('showroomStaff', { ...shelf, page: 9 }, 'VALIDATION_FAILED')).extensions.fields?.map((f) => f.path)).toContain('page');
      expect((await refused('showroomStaff', { selection: {} }, 'VALIDATION_FAILED')).extensions.fields?.map((f) => f.path)).toContain('input.selection');
    });
  });

  describe('refusals (nothing written)', () => {
    const counts = async () => [await t.count('label_print_jobs'), await t.count('labels'), await t.count('audit_events')];
    const refuses = async (caller: Caller, input: Record<string, unknown>, code: string, path?: string) => {
      const before = await counts();
      const { errors, data } = await print(caller, input);
      expect(data?.createLabelPrintJob ?? null).toBeNull();
      expect(errors?.[0].extensions.code).toBe(code);
      if (path) expect(errors?.[0].extensions.fields?.map((f) => f.path)).toContain(path);
      expect(await counts()).toEqual(before);
      return errors![0];
    };
    const shelf = () => ({ format: 'PDF', selection: { shelfIds: [w.shelf.shelfId] } });

    it("refuses another venue's operator (NOT_FOUND) and roles that do not print (FORBIDDEN)", async () => {
      await refuses('operator2Admin', shelf(), 'NOT_FOUND');
      for (const caller of ['warehouseStaff', 'pricingReviewer', 'factoryAdmin', 'govViewer', 'platformAdmin'] as const) await refuses(caller, shelf(), 'FORBIDDEN');
      await refuses(null, shelf(), 'UNAUTHENTICATED');
    });

    it("refuses a slot, shelf or zone of another venue, naming it, without saying whose it is", async () => {
      const other = await givenShelf(t, t.demo.venues.yk, 1);
      await refuses('showroomStaff', { format: 'PDF', selection: { slotIds: [w.shelf.slots[0].id, other.slots[0].id] } }, 'VALIDATION_FAILED', 'input.selection.slotIds.1');
      await refuses('showroomStaff', { format: 'PDF', selection: { shelfIds: [other.shelfId] } }, 'VALIDATION_FAILED', 'input.selection.shelfIds.0');
      await refuses('showroomStaff', { format: 'PDF', selection: { zoneIds: [other.zoneId] } }, 'VALIDATION_FAILED', 'input.selection.zoneIds.0');
    });

    it('refuses an empty selection, a selection with nothing to print, and a dpi for a PDF', async () => {
      await refuses('showroomStaff', { format: 'PDF', selection: {} }, 'VALIDATION_FAILED', 'input.selection');
      const error = await refuses('showroomStaff', { format: 'PDF', selection: { slotIds: [w.shelf.slots[3].id, w.shelf.slots[4].id] } }, 'VALIDATION_FAILED', 'input.selection');
      expect(error.message).toContain('Nothing to print');
      expect(error.extensions.skipped).toHaveLength(2);
      await refuses('showroomStaff', { ...shelf(), zplDpi: 300 }, 'VALIDATION_FAILED', 'input.zplDpi');
      await refuses('showroomStaff', { ...shelf(), zplDpi: 250, format: 'ZPL' }, 'VALIDATION_FAILED', 'input.zplDpi');
    });

    it("refuses another venue's own template as NOT_FOUND", async () => {
      const foreign = await new Given(t).labelTemplate({ venueId: t.demo.venues.yk });
      await refuses('showroomStaff', { ...shelf(), templateId: foreign.id }, 'NOT_FOUND');
    });
  });

  describe('reading jobs and files', () => {
    let jobId: string;
    beforeAll(async () => {
      jobId = (await t.ok(CREATE_JOB, { input: { venueId: w.venueId, templateId: w.template, format: 'PDF', selection: { slotIds: [w.shelf.slots[1].id] } } }, 'showroomStaff'))
        .createLabelPrintJob.id;
    });

    it('shows a job and its file to the venue staff', async () => {
      const { labelPrintJob } = await t.ok(JOB, { id: jobId }, 'warehouseStaff');
      const [staff] = await t.dataSource.query(`SELECT display_name FROM users WHERE email = 'showroom.staff@demo.xuanpin.test'`);
      expect(labelPrintJob).toMatchObject({ id: jobId, status: 'DONE', labelCount: 1, createdByName: staff.display_name });
      expect((await file(jobId, 'pricingReviewer')).status).toBe(200);
      const { labelPrintJobs } = await t.ok(JOBS, { filter: { venueId: w.venueId } }, 'operatorAdmin');
      expect(labelPrintJobs.items.find((j: { id: string }) => j.id === jobId)?.createdByName).toBe(staff.display_name);
    });

    it("hides a venue's jobs, files and labels from other tenants", async () => {
      expect((await t.fails(JOB, { id: jobId }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
      for (const caller of ['factoryAdmin', 'govViewer'] as const) expect(['FORBIDDEN', 'NOT_FOUND']).toContain((await t.fails(JOB, { id: jobId }, caller)).extensions.code);
      for (const caller of ['operator2Admin', 'factoryAdmin', 'factory2Admin'] as const) {
        const res = await file(jobId, caller);
        expect(res.status).toBe(404);
        expect(res.body.toString()).not.toContain('%PDF');
      }
      // The venue's government viewer sees the venue, not its label files.
      expect((await file(jobId, 'govViewer')).status).toBe(403);
      expect((await file(jobId, null)).status).toBe(401);
      expect((await file('not-a-uuid')).status).toBe(404);
      const { labelPrintJobs } = await t.ok(JOBS, {}, 'operator2Admin');
      expect(labelPrintJobs.items.map((j: { id: string }) => j.id)).not.toContain(jobId);
      const { labels } = await t.ok(LABELS, { filter: { jobId } }, 'operator2Admin');
      expect(labels.total).toBe(0);
    });

    it('filters labels by slot, SKU, posted and stale', async () => {
      const [one] = await liveLabels({ slotId: w.shelf.slots[1].id });
      expect(one.slot.code).toBe(w.shelf.slots[1].code);
      expect((await liveLabels({ skuId: w.skus[1].id })).map((l) => l.id)).toEqual([one.id]);
      expect((await liveLabels({ slotId: w.shelf.slots[1].id, posted: false })).map((l) => l.id)).toEqual([one.id]);
      expect(await liveLabels({ slotId: w.shelf.slots[1].id, posted: true })).toEqual([]);
      expect(await liveLabels({ slotId: w.shelf.slots[1].id, stale: true })).toEqual([]);
      expect((await liveLabels({ slotId: w.shelf.slots[1].id, stale: false })).map((l) => l.id)).toEqual([one.id]);
    });
  });

  describe('crash safety', () => {
    it('marks the job FAILED when rendering fails, keeping no label and retiring nothing', async () => {
      const slot = w.shelf.slots[2].id;
      const [before] = await liveLabels({ slotId: slot });
      const labelsBefore = await t.count('labels');
      const spy = jest.spyOn(LabelRenderer.prototype, 'render').mockRejectedValueOnce(new Error('printer font exploded'));
      try {
        const { errors } = await print('showroomStaff', { format: 'PDF', selection: { slotIds: [slot] } });
        expect(errors?.[0].extensions.code).toBe('INTERNAL');
      } finally {
        spy.mockRestore();
      }
      expect(await t.count('labels')).toBe(labelsBefore);
      expect((await liveLabels({ slotId: slot })).map((l) => l.id)).toEqual([before.id]);
      const [job] = await t.dataSource.query(`SELECT status, error FROM label_print_jobs WHERE venue_id = $1 ORDER BY created_at DESC LIMIT 1`, [w.venueId]);
      expect(job.status).toBe('FAILED');
      expect(job.error).toContain('could not be rendered');
      expect(await t.count('label_print_job_files', 'job_id IN (SELECT id FROM label_print_jobs WHERE status = $1)', ['FAILED'])).toBe(0);
    });

    it('marks a RUNNING job left by a killed process FAILED, and leaves alone one being rendered and a fresh one', async () => {
      const insert = async (secondsAgo: number) =>
        (
          await t.dataSource.query(
            `INSERT INTO label_print_jobs (venue_id, template_id, format, selection, created_at)
             VALUES ($1, $2, 'PDF', '{}', now() - make_interval(secs => $3)) RETURNING id`,
            [w.venueId, w.template, secondsAgo],
          )
        )[0].id as string;
      const crashed = await insert(600);
      const rendering = await insert(600);
      const fresh = await insert(1);
      // Another process (a replica) is rendering `rendering`: its transaction holds the row.
      const replica = t.dataSource.createQueryRunner();
      await replica.connect();
      await replica.startTransaction();
      await replica.query('SELECT 1 FROM label_print_jobs WHERE id = $1 FOR UPDATE', [rendering]);
      try {
        await t.app.get(LabelStalenessService).failInterruptedJobs(t.dataSource.manager);
      } finally {
        await replica.rollbackTransaction();
        await replica.release();
      }
      const rows = await t.dataSource.query('SELECT id, status, error FROM label_print_jobs WHERE id = ANY($1)', [[crashed, rendering, fresh]]);
      const byId = (id: string) => rows.find((r: { id: string }) => r.id === id);
      expect(byId(crashed)).toMatchObject({ status: 'FAILED' });
      expect(byId(crashed).error).toContain('Interrupted');
      expect(byId(rendering)).toMatchObject({ status: 'RUNNING', error: null });
      expect(byId(fresh)).toMatchObject({ status: 'RUNNING', error: null });
      const { labelPrintJob } = await t.ok(JOB, { id: crashed }, 'showroomStaff');
      expect(labelPrintJob.status).toBe('FAILED');
      const res = await file(crashed);
      expect(res.status).toBe(409);
    });

    it('keeps a finished job and a printed label as they were (PostgreSQL refuses changes)', async () => {
      const [job] = await t.dataSource.query(`SELECT id FROM label_print_jobs WHERE status = 'DONE' AND venue_id = $1 LIMIT 1`, [w.venueId]);
      await expect(t.dataSource.query(`UPDATE label_print_jobs SET status = 'FAILED', error = 'x' WHERE id = $1`, [job.id])).rejects.toThrow(/RUNNING to DONE or FAILED/);
      const [label] = await t.dataSource.query(`SELECT id FROM labels WHERE venue_id = $1 LIMIT 1`, [w.venueId]);
      await expect(t.dataSource.query(`UPDATE labels SET code = 'ZZZZZZZZZZZZ' WHERE id = $1`, [label.id])).rejects.toThrow(/never changes/);
      await expect(t.dataSource.query(`DELETE FROM labels WHERE id = $1`, [label.id])).rejects.toThrow(/never removed/);
      const [retired] = await t.dataSource.query(`SELECT id FROM labels WHERE status = 'RETIRED' LIMIT 1`);
      await expect(t.dataSource.query(`UPDATE labels SET status = 'POSTED', posted_at = now(), retired_at = NULL, replaced_by = NULL WHERE id = $1`, [retired.id])).rejects.toThrow(
        /cannot go from RETIRED to POSTED/,
      );
    });
  });
});
