import { formatYuan, parseYuan } from '@xp/core';
import { DocumentKind, tinyPng } from '@xp/factories';
import { ScanEventWriter, ScanPageCache } from '@xp/scans';
import { Given, GivenPricing, givenAssignment, uniqueSuffix } from '../support/given';
import { TestApp } from '../support/test-app';
import { CREATE_JOB, LABELS, labelWorld, LabelWorld, SUPPLY_FEN, WHOLESALE_FEN } from '../labels/support/world';

describe('the public scan page and the listing export', () => {
  let t: TestApp;
  let w: LabelWorld;
  let code: string;
  let labelId: string;
  let floorCode: string;
  const events = async (where: string, params: unknown[]) => {
    await t.app.get(ScanEventWriter).flush();
    return t.dataSource.query(`SELECT kind, label_state, device_hash, export_format, code, slot_id, sku_id FROM scan_events WHERE ${where} ORDER BY occurred_at`, params);
  };

  beforeAll(async () => {
    t = await TestApp.start();
    w = await labelWorld(t);
    const given = new Given(t);
    const factoryA = t.demo.orgs.factoryA;
    // The first SKU gets an image and warehouse stock; a fourth SKU of a verified brand has an approved price floor.
    const image = await given.document(factoryA, DocumentKind.PRODUCT_IMAGE, tinyPng([10, 120, 30]), 'image/png');
    await t.dataSource.query(
      'UPDATE products SET image_document_ids = ARRAY[$1::uuid] WHERE id = (SELECT product_id FROM skus WHERE id = $2)',
      [image.id, w.skus[0].id],
    );
    await given.stock(w.venueId, w.skus[0].id, 100);
    const brand = await given.brand(factoryA);
    const floorSku = await given.sku(factoryA, {
      productId: (await given.product(factoryA, { brandId: brand.id, titleZh: `控价羊绒衫${uniqueSuffix()}` })).id,
      moq: 2,
    });
    await new GivenPricing(t).priceSheet(w.venueId, factoryA, [{ skuId: floorSku.id, tiers: [[2, 5000]], retail: 9900, wholesale: [8800], floor: 8800 }], {
      at: new Date(Date.now() - 60_000),
    });
    await givenAssignment(t, w.venueId, w.shelf.slots[4].id, floorSku.id);
    const { createLabelPrintJob: job } = await t.ok(
      CREATE_JOB,
      { input: { venueId: w.venueId, templateId: w.template, format: 'ZPL', selection: { shelfIds: [w.shelf.shelfId] } } },
      'showroomStaff',
    );
    const labels = (await t.ok(LABELS, { filter: { jobId: job.id } }, 'showroomStaff')).labels.items as { id: string; code: string; slotId: string }[];
    const first = labels.find((l) => l.slotId === w.shelf.slots[0].id)!;
    code = first.code;
    labelId = first.id;
    floorCode = labels.find((l) => l.slotId === w.shelf.slots[4].id)!.code;
  });
  afterAll(() => t.close());

  it('shows a buyer the product in Chinese: title, image, wholesale tiers, MOQ, pack, stock, slot and factory — never the supply price', async () => {
    const res = await t.http().get(`/s/${code}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).toContain('lang="zh-CN"');
    expect(res.text).toContain(w.skus[0].title);
    expect(res.text).toContain(`/s/${code}/images/1`);
    expect(res.text).toContain(`¥${formatYuan(WHOLESALE_FEN)}`);
    expect(res.text).not.toContain(formatYuan(SUPPLY_FEN));
    expect(res.text).toContain('起批量 <b>6</b> 条');
    expect(res.text).toContain('每包 3 条');
    expect(res.text).toContain('现货充足'); // 100 units ≥ 5 × MOQ 6
    expect(res.text).toContain(w.shelf.slots[0].code);
    expect(res.text).toContain('河南豫暖针织服饰有限公司');
    expect(res.text).not.toContain('标签已过期');
    expect(res.text).not.toMatch(/<script|src="https?:/);
  });

  it('tells low and out of stock without numbers', async () => {
    const second = (await t.ok(LABELS, { filter: { slotId: w.shelf.slots[1].id } }, 'showroomStaff')).labels.items[0];
    expect((await t.http().get(`/s/${second.code}`)).text).toContain('暂时缺货');
    await new Given(t).stock(w.venueId, w.skus[1].id, 20);
    await t.app.get(ScanPageCache).sync(); // the change's notification has reached the page's cache
    const page = await t.http().get(`/s/${second.code}`);
    expect(page.text).toContain('库存紧张');
    const stock = /<div>库存 (.*?)<\/div>/.exec(page.text)![1];
    expect(stock).toBe('<span class="tag LOW">库存紧张</span>');
  });

  it('accepts the code in lower case and answers unknown or malformed codes with a friendly 404 page, recording nothing', async () => {
    expect((await t.http().get(`/s/${code.toLowerCase()}`)).status).toBe(200);
    const before = (await events('true', [])).length;
    for (const path of ['/s/000000000000', '/s/nope', `/s/${code}x`, "/s/'%20OR%201=1"]) {
      const res = await t.http().get(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('未找到该商品');
    }
    expect((await events('true', [])).length).toBe(before);
  });

  it('records every view with a hashed first-party device id, set on the first visit and kept after', async () => {
    const first = await t.http().get(`/s/${code}`);
    const cookie = (first.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/^xp_did=[A-Za-z0-9_-]{22}; Path=\/s; Max-Age=31536000; HttpOnly; SameSite=Lax$/);
    const value = cookie.split(';')[0];
    const second = await t.http().get(`/s/${code}`).set('cookie', value);
    expect(second.headers['set-cookie']).toBeUndefined();
    const rows = await events('label_id = $1', [labelId]);
    const [a, b] = rows.slice(-2);
    expect(a).toMatchObject({ kind: 'VIEW', label_state: 'CURRENT', code, slot_id: w.shelf.slots[0].id, sku_id: w.skus[0].id, export_format: null });
    expect(a.device_hash).toMatch(/^[0-9a-f]{32}$/);
    expect(b.device_hash).toBe(a.device_hash);
    expect(a.device_hash).not.toContain(value.split('=')[1]);
  });

  it('serves the product image publicly and cacheably, keyed by the label code', async () => {
    const res = await t.http().get(`/s/${code}/images/1`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect((await t.http().get(`/s/${code}/images/2`)).status).toBe(404);
    expect((await t.http().get(`/s/${code}/images/0`)).status).toBe(404);
    expect((await t.http().get('/s/000000000000/images/1')).status).toBe(404);
  });

  it('exports the listing as JSON with the wholesale tiers and a suggested retail price, and records a LISTING event', async () => {
    const res = await t.http().get(`/s/${code}/listing.json`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('attachment');
    const listing = JSON.parse(res.text);
    expect(listing).toMatchObject({
      format: 'xuanpin.listing',
      version: 1,
      source: { scanCode: code, scanUrl: `http://xuanpin.test/s/${code}`, slotCode: w.shelf.slots[0].code },
      product: { title: w.skus[0].title, images: [`http://xuanpin.test/s/${code}/images/1`] },
      sku: { code: w.skus[0].code, moq: 6, packSize: 3, unit: '条' },
      pricing: { currency: 'CNY', wholesaleTiers: [{ minQuantity: 6, unitPrice: '13.50' }, { minQuantity: 60, unitPrice: '13.00' }], suggestedRetailPrice: '29.90' },
      availability: 'IN_STOCK',
    });
    expect(res.text).not.toContain(formatYuan(SUPPLY_FEN));
    const csv = await t.http().get(`/s/${code}/listing.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.startsWith('\uFEFF商品标题(title)')).toBe(true);
    expect(csv.text).toContain(w.skus[0].code);
    const rows = await events(`label_id = $1 AND kind = 'LISTING'`, [labelId]);
    expect(rows.map((r: { export_format: string }) => r.export_format)).toEqual(['JSON', 'CSV']);
  });

  it('never suggests a retail price below the approved floor, nor lists a tier under it', async () => {
    const listing = JSON.parse((await t.http().get(`/s/${floorCode}/listing.json`)).text);
    const floor = parseYuan(listing.pricing.priceFloor);
    expect(floor).toBe(8800);
    expect(parseYuan(listing.pricing.suggestedRetailPrice)).toBeGreaterThanOrEqual(floor);
    for (const tier of listing.pricing.wholesaleTiers) expect(parseYuan(tier.unitPrice)).toBeGreaterThanOrEqual(floor);
  });

  it('answers a retired code with a friendly 404 page that still counts the scan, and no listing', async () => {
    await t.ok(CREATE_JOB, { input: { venueId: w.venueId, templateId: w.template, format: 'ZPL', selection: { slotIds: [w.shelf.slots[0].id] } } }, 'showroomStaff');
    await t.app.get(ScanPageCache).sync(); // the change's notification has reached the page's cache
    const res = await t.http().get(`/s/${code}`);
    expect(res.status).toBe(404);
    expect(res.text).toContain('此标签已更换');
    const rows = await events('label_id = $1', [labelId]);
    expect(rows[rows.length - 1]).toMatchObject({ kind: 'VIEW', label_state: 'RETIRED' });
    expect((await t.http().get(`/s/${code}/listing.json`)).status).toBe(404);
    expect((await t.http().get(`/s/${code}/images/1`)).status).toBe(404);
  });

  it('counts scans of a stale label for the reprint queue', async () => {
    const live = (await t.ok(LABELS, { filter: { slotId: w.shelf.slots[2].id } }, 'showroomStaff')).labels.items[0];
    await new GivenPricing(t).priceSheet(w.venueId, t.demo.orgs.factoryA, [{ skuId: w.skus[2].id, tiers: [[6, 1111]], retail: 2990 }], {
      at: new Date(Date.now() - 1000),
    });
    await t.app.get(ScanPageCache).sync(); // the change's notification has reached the page's cache
    const page = await t.http().get(`/s/${live.code}`);
    expect(page.text).toContain('标签已过期');
    expect(page.text).toContain('¥11.11');
    await t.http().get(`/s/${live.code}`);
    await t.app.get(ScanEventWriter).flush();
    const { labels } = await t.ok(LABELS, { filter: { slotId: w.shelf.slots[2].id } }, 'showroomStaff');
    // The scans were counted, and the stored staleness caught up (no event had been raised).
    expect(labels.items[0]).toMatchObject({ id: live.id, staleScans: 2, stale: true, staleReason: 'PRICE_CHANGED' });
  });

  describe('scan events', () => {
    const row = (occurredAt: Date) => ({
      occurredAt,
      kind: 'VIEW' as const,
      labelId,
      code,
      venueId: w.venueId,
      slotId: w.shelf.slots[0].id,
      skuId: w.skus[0].id,
      factoryOrgId: t.demo.orgs.factoryA,
      deviceHash: 'ab'.repeat(16),
      labelState: 'CURRENT' as const,
      exportFormat: null,
    });
    const partitionsOf = async (times: Date[]) =>
      (
        await t.dataSource.query(
          `SELECT tableoid::regclass::text AS part FROM scan_events WHERE label_id = $1 AND occurred_at = ANY($2) ORDER BY occurred_at`,
          [labelId, times],
        )
      ).map((r: { part: string }) => r.part);

    it('land in the partition of their Shanghai month, made on demand when missing', async () => {
      const times = [new Date('2031-02-28T15:59:59Z'), new Date('2031-02-28T16:00:00Z'), new Date('2031-04-15T12:00:00+08:00')];
      await t.app.get(ScanEventWriter).insert(times.map(row));
      expect(await partitionsOf(times)).toEqual(['scan_events_2031_02', 'scan_events_2031_03', 'scan_events_2031_04']);
    });

    it('fall into the default partition outside the partitions made, and move to their month once it is made', async () => {
      const at = new Date('2033-05-10T10:00:00+08:00');
      await t.dataSource.query(
        `INSERT INTO scan_events (occurred_at, kind, label_id, code, venue_id, slot_id, sku_id, factory_org_id, device_hash, label_state)
         VALUES ($1, 'VIEW', $2, $3, $4, $5, $6, $7, $8, 'CURRENT')`,
        [at, labelId, code, w.venueId, w.shelf.slots[0].id, w.skus[0].id, t.demo.orgs.factoryA, 'cd'.repeat(16)],
      );
      expect(await partitionsOf([at])).toEqual(['scan_events_default']);
      const [{ made }] = await t.dataSource.query(`SELECT xp_scan_events_ensure_partitions('2033-05-01T00:00:00+08:00', 1) AS made`);
      expect(made).toBe(1);
      expect(await partitionsOf([at])).toEqual(['scan_events_2033_05']);
    });

    it('has partitions made ahead from last month on, at start-up', async () => {
      const parts: { name: string }[] = await t.dataSource.query(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'scan_events'::regclass`,
      );
      const names = parts.map((p) => p.name);
      const month = (offset: number) => {
        const d = new Date(Date.now() + 8 * 3_600_000);
        const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
        return `scan_events_${m.getUTCFullYear()}_${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
      };
      for (const offset of [-1, 0, 1, 2]) expect(names).toContain(month(offset));
      expect(names).toContain('scan_events_default');
    });

    it('are written from the buffer on shutdown, and never changed afterwards', async () => {
      const writer = t.app.get(ScanEventWriter);
      const at = new Date(Date.now() - 5_000);
      writer.record(row(at));
      await writer.onModuleDestroy();
      expect(await partitionsOf([at])).toHaveLength(1);
      await expect(t.dataSource.query(`UPDATE scan_events SET kind = 'LISTING' WHERE label_id = $1`, [labelId])).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`DELETE FROM scan_events WHERE label_id = $1`, [labelId])).rejects.toThrow(/append-only/);
    });
  });
});
