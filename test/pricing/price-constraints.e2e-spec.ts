import { Given } from '../support/given';
import { TestApp } from '../support/test-app';
import { shanghaiDay } from './documents';
import { ensureAdmission, pricedFactory, PricedFactory, pricing } from './world';

/** The pricing invariants PostgreSQL holds whatever the code does. */
describe('pricing constraints in the database', () => {
  let t: TestApp;
  let given: Given;
  let f: PricedFactory;
  const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);

  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
    f = await pricedFactory(t, given);
  });
  afterAll(() => t.close());

  async function draft(factory = f) {
    const [row] = await q(
      `INSERT INTO price_sheets (venue_id, factory_org_id, version_no, effective_from)
       SELECT $1, $2, coalesce(max(version_no), 0) + 1, $3 FROM price_sheets WHERE venue_id = $1 AND factory_org_id = $2 RETURNING id`,
      [t.demo.venues.zz, factory.org.id, shanghaiDay(0)],
    );
    return row.id as string;
  }
  const insertLine = (sheetId: string, skuId: string, quantities: number[], prices: number[], retail: number, extra = '', factory = f) =>
    q(
      `INSERT INTO price_sheet_lines (sheet_id, venue_id, factory_org_id, effective_from, line_no, sku_id, tier_quantities, supply_prices, retail_price ${extra ? ', requested_floor, floor_status' : ''})
       VALUES ($1, $2, $3, $4, (SELECT coalesce(max(line_no), 0) + 1 FROM price_sheet_lines WHERE sheet_id = $1), $5, $6, $7, $8 ${extra})`,
      [sheetId, t.demo.venues.zz, factory.org.id, shanghaiDay(0), skuId, quantities, prices, retail],
    );

  it('holds the tier shape: 1–10 tiers, rising quantities, never-rising prices, all positive', async () => {
    const sheet = await draft();
    await expect(insertLine(sheet, f.plain.id, [6, 60], [800, 900], 1200)).rejects.toThrow(/price_sheet_lines_tiers_check/);
    await expect(insertLine(sheet, f.plain.id, [6, 6], [800, 700], 1200)).rejects.toThrow(/price_sheet_lines_tiers_check/);
    await expect(insertLine(sheet, f.plain.id, [6, 60], [800], 1200)).rejects.toThrow(/price_sheet_lines_tiers_check/);
    await expect(insertLine(sheet, f.plain.id, [6], [0], 1200)).rejects.toThrow(/price_sheet_lines_tiers_check/);
    await expect(insertLine(sheet, f.plain.id, [], [], 1200)).rejects.toThrow(/price_sheet_lines_tiers_check/);
    const eleven = Array.from({ length: 11 }, (_, i) => 6 * (i + 1));
    await expect(insertLine(sheet, f.plain.id, eleven, eleven.map(() => 800), 1200)).rejects.toThrow(/price_sheet_lines_tiers_check/);
    await expect(insertLine(sheet, f.plain.id, [6, 60], [800, 800], 1200)).resolves.toBeDefined();
  });

  it('keeps retail at or above every supply price and a floor at or below retail', async () => {
    const sheet = await draft();
    await expect(insertLine(sheet, f.plain.id, [6], [800], 799)).rejects.toThrow(/price_sheet_lines_retail_check/);
    await expect(insertLine(sheet, f.branded.id, [10], [800], 1200, ", 1201, 'PENDING'")).rejects.toThrow(/price_sheet_lines_floor_check/);
    await expect(insertLine(sheet, f.branded.id, [10], [800], 1200, ", 1200, NULL")).rejects.toThrow(/undecided/);
  });

  it("refuses another factory's SKU and a sheet for a factory without an admission", async () => {
    const other = await pricedFactory(t, given);
    const sheet = await draft();
    await expect(insertLine(sheet, other.plain.id, [6], [800], 1200)).rejects.toThrow(/foreign key/);
    const { org } = await given.factory();
    await expect(
      q(`INSERT INTO price_sheets (venue_id, factory_org_id, version_no, effective_from) VALUES ($1, $2, 1, $3)`, [t.demo.venues.zz, org.id, shanghaiDay(0)]),
    ).rejects.toThrow(/foreign key/);
  });

  it('prices a SKU once per sheet and numbers sheets once per factory × venue', async () => {
    const sheet = await draft();
    await insertLine(sheet, f.plain.id, [6], [800], 1200);
    await expect(insertLine(sheet, f.plain.id, [6], [800], 1200)).rejects.toThrow(/price_sheet_lines_sku_key/);
    const [{ version_no }] = await q('SELECT version_no FROM price_sheets WHERE id = $1', [sheet]);
    await expect(
      q(`INSERT INTO price_sheets (venue_id, factory_org_id, version_no, effective_from) VALUES ($1, $2, $3, $4)`, [
        t.demo.venues.zz,
        f.org.id,
        version_no,
        shanghaiDay(0),
      ]),
    ).rejects.toThrow(/price_sheets_version_key/);
  });

  it('refuses a submission dated after the effective day, an empty submission, and skipped workflow steps', async () => {
    const sheet = await draft();
    await expect(q(`UPDATE price_sheets SET status = 'SUBMITTED', submitted_at = now() WHERE id = $1`, [sheet])).rejects.toThrow(/at least one line/);
    await insertLine(sheet, f.plain.id, [6], [800], 1200);
    await expect(
      q(`UPDATE price_sheets SET status = 'SUBMITTED', submitted_at = now() + interval '3 days' WHERE id = $1`, [sheet]),
    ).rejects.toThrow(/price_sheets_effective_from_check/);
    await expect(q(`UPDATE price_sheets SET status = 'APPROVED', submitted_at = now(), reviewed_at = now(), finalized_at = now() WHERE id = $1`, [sheet])).rejects.toThrow(
      /cannot go from DRAFT to APPROVED/,
    );
  });

  it("checks the SKU's MOQ and the floor's brand when a sheet is submitted", async () => {
    const moq = await draft();
    await insertLine(moq, f.plain.id, [12], [800], 1200);
    await expect(q(`UPDATE price_sheets SET status = 'SUBMITTED', submitted_at = now() WHERE id = $1`, [moq])).rejects.toThrow(/MOQ/);
    const floor = await draft();
    await insertLine(floor, f.plain.id, [6], [800], 1200, ", 1000, 'PENDING'");
    await expect(q(`UPDATE price_sheets SET status = 'SUBMITTED', submitted_at = now() WHERE id = $1`, [floor])).rejects.toThrow(/verified brand/);
  });

  it('lets lines change only in a draft and be decided only under review', async () => {
    const sheet = await draft();
    await insertLine(sheet, f.plain.id, [6], [800], 1200);
    await expect(q(`UPDATE price_sheet_lines SET decision = 'APPROVED', wholesale_prices = '{900}' WHERE sheet_id = $1`, [sheet])).rejects.toThrow(
      /decided only while/,
    );
    await q(`UPDATE price_sheets SET status = 'SUBMITTED', submitted_at = now() WHERE id = $1`, [sheet]);
    await expect(q(`UPDATE price_sheet_lines SET retail_price = 1300 WHERE sheet_id = $1`, [sheet])).rejects.toThrow(/keeps what the factory proposed/);
    await expect(insertLine(sheet, f.branded.id, [10], [800], 1200)).rejects.toThrow(/added to a DRAFT/);
    await expect(q(`UPDATE price_sheets SET effective_from = effective_from + 1 WHERE id = $1`, [sheet])).rejects.toThrow(/keeps its venue/);
    await expect(q(`DELETE FROM price_sheets WHERE id = $1`, [sheet])).rejects.toThrow(/only a DRAFT/);
  });

  it('keeps wholesale tiers between supply and retail, and above an approved floor', async () => {
    const sheet = await draft();
    await insertLine(sheet, f.branded.id, [10, 50], [800, 700], 1200, ", 1000, 'PENDING'");
    await q(`UPDATE price_sheets SET status = 'SUBMITTED', submitted_at = now() WHERE id = $1`, [sheet]);
    const decide = (prices: number[]) => q(`UPDATE price_sheet_lines SET decision = 'APPROVED', wholesale_prices = $2 WHERE sheet_id = $1`, [sheet, prices]);
    await expect(decide([1300, 900])).rejects.toThrow(/price_sheet_lines_wholesale_check/);
    await expect(decide([1000, 600])).rejects.toThrow(/price_sheet_lines_wholesale_check/);
    await expect(decide([1000, 1100])).rejects.toThrow(/price_sheet_lines_wholesale_check/);
    await expect(q(`UPDATE price_sheet_lines SET decision = 'APPROVED' WHERE sheet_id = $1`, [sheet])).rejects.toThrow(/price_sheet_lines_decided_check/);
    await decide([1100, 900]);
    await q(`UPDATE price_sheets SET status = 'FLOOR_REVIEW', reviewed_by = $2, reviewed_at = now() WHERE id = $1`, [sheet, t.demo.users.pricingReviewer]);
    await expect(
      q(`UPDATE price_sheet_lines SET floor_status = 'APPROVED', floor_decided_by = $2, floor_decided_at = now() WHERE sheet_id = $1`, [
        sheet,
        t.demo.users.operatorAdmin,
      ]),
    ).rejects.toThrow(/price_sheet_lines_wholesale_floor_check/);
  });

  it('never changes or removes a price version', async () => {
    const approved = await pricing(t).priceSheet(t.demo.venues.zz, f.org.id, [{ skuId: f.plain.id, tiers: [[6, 800]], retail: 1200 }]);
    await expect(q(`UPDATE price_sheet_lines SET retail_price = 1300 WHERE id = $1`, [approved.lineIds[0]])).rejects.toThrow(/never changes/);
    await expect(q(`DELETE FROM price_sheet_lines WHERE id = $1`, [approved.lineIds[0]])).rejects.toThrow(/never removed/);
    await expect(q(`UPDATE price_sheets SET status = 'SUBMITTED' WHERE id = $1`, [approved.id])).rejects.toThrow(/cannot go from APPROVED to SUBMITTED/);
  });

  it('keeps markup policies unique per venue and category, the default included', async () => {
    const { venue } = await given.operatedVenue();
    await q(`INSERT INTO price_markup_policies (venue_id, markup_bp) VALUES ($1, 2000)`, [venue.id]);
    await expect(q(`INSERT INTO price_markup_policies (venue_id, markup_bp) VALUES ($1, 2500)`, [venue.id])).rejects.toThrow(
      /price_markup_policies_venue_category_key/,
    );
    await expect(q(`INSERT INTO venue_pricing_settings (venue_id, large_change_bp) VALUES ($1, 0)`, [venue.id])).rejects.toThrow(/check/);
    await ensureAdmission(t, venue.id, f.org.id);
  });
});
