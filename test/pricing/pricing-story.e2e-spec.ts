import { Role } from '@xp/core';
import { Given } from '../support/given';
import { TestApp } from '../support/test-app';
import { DECIDE_FLOORS, EFFECTIVE, HISTORY, IMPORT, REVIEW, SET_MARKUP, SHEET, shanghaiDay, SUBMIT } from './documents';
import { downloadTemplate, fillTemplate, uploadDocument } from './spreadsheets';
import { ensureAdmission, pricing } from './world';

const DAY = 86_400_000;

/**
 * The "done when", as a new user would try it: factory A downloads the template, fills
 * it in Excel, uploads a file with three bad rows and reads which rows and why, fixes them,
 * submits; a reviewer approves most lines, rejects one with a reason, sets wholesale tiers; a
 * second reviewer approves a brand floor; the new prices take effect on their date and the
 * history shows both versions.
 */
describe('the price sheet story, end to end', () => {
  let t: TestApp;
  let given: Given;
  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
  });
  afterAll(() => t.close());

  it('goes from an Excel template to prices in force with their history', async () => {
    const zz = t.demo.venues.zz;
    const factoryA = t.demo.orgs.factoryA;
    await ensureAdmission(t, zz, factoryA);
    const brand = await given.brand(factoryA, { name: `豫暖${Date.now()}` });
    const scarf = await given.sku(factoryA, { code: `YN-SCARF-${Date.now()}`, moq: 10, productId: (await given.product(factoryA, { brandId: brand.id })).id });
    const hat = await given.sku(factoryA, { code: `YN-HAT-${Date.now()}`, moq: 12, packSize: 6 });
    const glove = await given.sku(factoryA, { code: `YN-GLOVE-${Date.now()}`, moq: 5 });
    // the prices in force today: an earlier sheet, approved a month ago
    const earlier = await pricing(t).priceSheet(
      zz,
      factoryA,
      [
        { skuId: scarf.id, tiers: [[10, 1500]], retail: 2990, wholesale: [1800] },
        { skuId: hat.id, tiers: [[12, 900]], retail: 1500, wholesale: [1100] },
      ],
      { at: new Date(Date.now() - 30 * DAY) },
    );

    // 1. The factory downloads its template and fills it in, making three mistakes.
    const template = (await downloadTemplate(t, (await t.tokenFor('factoryAdmin'))!, zz)).body as Buffer;
    const good = {
      [scarf.code]: { 供货价: '16.00', 阶梯2数量: '100', 阶梯2供货价: '15.00', 零售价: '32.90', 控价: '22.00' },
      [hat.code]: { 供货价: '9.50', 阶梯2数量: '120', 阶梯2供货价: '9.00', 零售价: '16.00' },
      [glove.code]: { 供货价: '6.00', 零售价: '12.00' },
    };
    const withMistakes = await fillTemplate(template, {
      [scarf.code]: { ...good[scarf.code], 阶梯2供货价: '17.00' },
      [hat.code]: { ...good[hat.code], 零售价: '8.00' },
      [glove.code]: { 供货价: '6.001', 零售价: '12.00' },
    });
    const effectiveFrom = shanghaiDay(1);
    const first = await t.ok(
      IMPORT,
      { input: { venueId: zz, documentId: await uploadDocument(t, factoryA, withMistakes), effectiveFrom } },
      'factoryAdmin',
    );
    expect(first.importPriceSheet).toMatchObject({ ok: false, sheet: null, problemCount: 3 });
    expect(first.importPriceSheet.problems.map((p: { skuCode: string; column: string }) => [p.skuCode, p.column]).sort()).toEqual(
      [
        [scarf.code, 'supplyPrice2'],
        [hat.code, 'retailPrice'],
        [glove.code, 'supplyPrice1'],
      ].sort(),
    );
    expect(first.importPriceSheet.problems.every((p: { row: number }) => p.row > 1)).toBe(true);

    // 2. It fixes them, imports and submits.
    const second = await t.ok(
      IMPORT,
      { input: { venueId: zz, documentId: await uploadDocument(t, factoryA, await fillTemplate(template, good)), effectiveFrom } },
      'factoryAdmin',
    );
    expect(second.importPriceSheet).toMatchObject({ ok: true, linesImported: 3 });
    const sheetId = second.importPriceSheet.sheet.id;
    const submitted = (await t.ok(SUBMIT, { input: { id: sheetId } }, 'factoryAdmin')).submitPriceSheet;
    expect(submitted.status).toBe('SUBMITTED');

    // 3. The reviewer sees each line beside today's price, approves two (one with the markup
    //    policy's tiers, one with its own), rejects one with a reason.
    const apparel = (await t.dataSource.query(`SELECT id FROM categories WHERE code = 'APPAREL'`))[0].id;
    await t.ok(SET_MARKUP, { input: { venueId: zz, categoryId: apparel, markupBasisPoints: 2200 } }, 'operatorAdmin');
    const { priceSheet } = await t.ok(SHEET, { id: sheetId }, 'pricingReviewer');
    const lines = Object.fromEntries(priceSheet.lines.items.map((l: { sku: { code: string } }) => [l.sku.code, l]));
    expect(lines[scarf.code].currentVersion.id).toBe(earlier.lineIds[0]);
    expect(lines[scarf.code].change).toMatchObject({ supplyPercent: 6.67, retailPercent: 10.03, large: false });
    expect(lines[glove.code].currentVersion).toBeNull();
    const reviewed = (
      await t.ok(
        REVIEW,
        {
          input: {
            id: sheetId,
            version: submitted.version,
            lines: [
              {
                lineId: lines[scarf.code].id,
                decision: 'APPROVED',
                wholesaleTiers: [
                  { minQuantity: 10, unitPrice: '22.90' },
                  { minQuantity: 100, unitPrice: '22.00' },
                ],
              },
              { lineId: lines[hat.code].id, decision: 'APPROVED' },
              { lineId: lines[glove.code].id, decision: 'REJECTED', reason: '手套不在本季选品范围' },
            ],
          },
        },
        'pricingReviewer',
      )
    ).reviewPriceSheet;
    expect(reviewed.status).toBe('FLOOR_REVIEW');

    // 4. A second reviewer approves the brand floor (the first may not).
    const reviewer2 = await given.user(Role.PRICING_REVIEWER, t.demo.orgs.operatorA);
    const floor = [{ lineId: lines[scarf.code].id, decision: 'APPROVED' }];
    expect((await t.fails(DECIDE_FLOORS, { input: { id: sheetId, version: reviewed.version, lines: floor } }, 'pricingReviewer')).extensions.code).toBe(
      'FORBIDDEN',
    );
    const done = (await t.ok(DECIDE_FLOORS, { input: { id: sheetId, version: reviewed.version, lines: floor } }, { token: reviewer2.token }))
      .decidePriceFloors;
    expect(done.status).toBe('PARTIALLY_APPROVED');
    const { priceSheet: after } = await t.ok(SHEET, { id: sheetId }, 'factoryAdmin');
    const afterLines = Object.fromEntries(after.lines.items.map((l: { sku: { code: string } }) => [l.sku.code, l]));
    expect(afterLines[glove.code]).toMatchObject({ decision: 'REJECTED', decisionReason: '手套不在本季选品范围' });
    expect(afterLines[hat.code].tiers).toEqual([
      { minQuantity: 12, supplyPrice: '9.50', wholesalePrice: '11.59' },
      { minQuantity: 120, supplyPrice: '9.00', wholesalePrice: '10.98' },
    ]);

    // 5. Today the earlier prices hold; from tomorrow the new ones, with the floor.
    const today = await t.ok(EFFECTIVE, { venueId: zz, skuId: scarf.id }, 'showroomStaff');
    expect(today.effectivePrice).toMatchObject({ id: earlier.lineIds[0], retailPrice: '29.90', supersededFrom: effectiveFrom });
    const tomorrow = await t.ok(EFFECTIVE, { venueId: zz, skuId: scarf.id, at: `${effectiveFrom}T09:00:00+08:00` }, 'showroomStaff');
    expect(tomorrow.effectivePrice).toMatchObject({ id: afterLines[scarf.code].id, retailPrice: '32.90', floorPrice: '22.00', effectiveFrom });
    const gloveTomorrow = await t.ok(EFFECTIVE, { venueId: zz, skuId: glove.id, at: `${effectiveFrom}T09:00:00+08:00` }, 'factoryAdmin');
    expect(gloveTomorrow.effectivePrice).toBeNull();

    // 6. The history shows both versions.
    const { priceHistory } = await t.ok(HISTORY, { venueId: zz, skuId: scarf.id }, 'factoryAdmin');
    expect(priceHistory.items.map((v: { id: string; effectiveFrom: string; supersededFrom: string | null }) => [v.id, v.effectiveFrom, v.supersededFrom])).toEqual([
      [afterLines[scarf.code].id, effectiveFrom, null],
      [earlier.lineIds[0], shanghaiDay(-30), effectiveFrom],
    ]);
    // and nobody else sees any of it
    expect((await t.fails(HISTORY, { venueId: zz, skuId: scarf.id }, 'factory2Admin')).extensions.code).toBe('NOT_FOUND');
    expect((await t.fails(SHEET, { id: sheetId }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
    expect((await t.fails(SHEET, { id: sheetId }, 'govViewer')).extensions.code).toBe('FORBIDDEN');
  });
});
