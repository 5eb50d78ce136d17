import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, expectFullyTranslated, launchBrowser, loginAndWait, newPage, screenshot } from './support';

/** The daily flows of each role, clicked through in Chinese against the demo. */
describe('daily operations in the console', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    ({ context, page } = await newPage(browser));
  });
  afterEach(async () => {
    await context?.close();
  });

  it('lets the operator review a factory application with its licence shown inline, and approve it', async () => {
    await loginAndWait(page, 'operator.admin@demo.xuanpin.test');
    await page.getByRole('menuitem', { name: '入驻审核' }).click();
    await page.getByText('新郑市好日子日用品厂').waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'review-queue');
    await page.getByText('新郑市好日子日用品厂').click();
    await page.waitForURL(/\/venueFactories\/[0-9a-f-]{36}\/show$/);
    await page.getByText('主营厨房收纳用品，希望45天账期。').waitFor();
    // The licence is fetched with the token and shown in a frame from a blob.
    const frame = page.locator('[data-testid="document-frame"]');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    await page.locator('[data-testid="application-history"]').getByText('提交审核').waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'application-review');

    // Rejecting needs a reason: the dialog waits for one.
    await page.locator('[data-testid="step-REJECT"]').click();
    expect(await page.locator('[data-testid="reason-confirm"]').isDisabled()).toBe(true);
    await page.getByRole('button', { name: '取消' }).click();

    await page.locator('[data-testid="step-APPROVE"]').click();
    await page.locator('textarea[name="reason"]').fill('资质齐全，同意入驻。');
    await page.locator('[data-testid="reason-confirm"]').click();
    await page.getByText('已通过，工厂已入驻').waitFor();
    await page.locator('[data-testid="status-chip"]').getByText('已入驻').waitFor();
    await page.locator('[data-testid="application-history"]').getByText('资质齐全，同意入驻。').waitFor();
    await expect(page.locator('[data-testid="step-SUSPEND"]').count()).resolves.toBe(1);
    await expectFullyTranslated(page);
  });

  it('lets a factory import a catalog file with a bad row and read the row-level report (nothing imported)', async () => {
    await loginAndWait(page, 'factory.admin@demo.xuanpin.test');
    await page.getByRole('menuitem', { name: '批量导入商品' }).click();
    await page.getByText('批量导入商品和 SKU').waitFor();
    await expectFullyTranslated(page);
    const stamp = Date.now().toString(36).toUpperCase();
    const csv = [
      '商品标题(titleZh),类目编码(categoryCode),SKU编码(skuCode),条码(gtin),颜色(color),尺码(size),每包数量(packSize),起批量(moq)',
      `豫暖纯色针织围巾${stamp},APPAREL-SCARF,YN-T-${stamp}-1,,灰色,均码,6,12`,
      `豫暖纯色针织围巾${stamp},APPAREL-SCARF,YN-T-${stamp}-2,6923456700018,红色,均码,6,10`,
    ].join('\n');
    await page.locator('[data-testid="import-file"]').setInputFiles({ name: '商品导入.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.locator('[data-testid="import-failed"]').waitFor();
    const problems = page.locator('[data-testid="import-problems"]');
    await problems.getByText('条码校验位不对').waitFor();
    await problems.getByText('须为整包数量（每包 6 件的整数倍）').waitFor();
    const rows = await problems.locator('tbody tr').allInnerTexts();
    expect(rows.every((r) => r.startsWith('3'))).toBe(true);
    await expectFullyTranslated(page);
    await screenshot(page, 'catalog-import-report');

    // All or nothing: the good row of the file was not written either.
    await page.goto(`${baseUrl()}/skus?filter=${encodeURIComponent(JSON.stringify({ search: `YN-T-${stamp}` }))}`);
    await page.getByText('当前筛选条件下没有SKU').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(`YN-T-${stamp}-1`);
  });

  it('lets a factory declare a delivery and the warehouse receive it with a short line', async () => {
    const note = `YN-B-${Date.now().toString(36).toUpperCase()}`;
    await loginAndWait(page, 'factory.admin@demo.xuanpin.test');
    await page.goto(`${baseUrl()}/consignmentReceipts/create`);
    await page.getByLabel('选品中心').click();
    await page.getByRole('option', { name: /郑州航空港全品类选品中心/ }).click();
    await page.locator('input[name="deliveryNoteNo"]').fill(note);
    await page.getByLabel('SKU').first().fill('YN-SC-001-RED');
    await page.getByRole('option', { name: /^YN-SC-001-RED · / }).click();
    await page.locator('input[name="lines.0.quantity"]').fill('60');
    await expectFullyTranslated(page);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/consignmentReceipts\/[0-9a-f-]{36}\/show$/);
    await page.getByText('待收货').first().waitFor();
    await context.close();

    ({ context, page } = await newPage(browser));
    await loginAndWait(page, 'warehouse.staff@demo.xuanpin.test');
    await page.getByRole('menuitem', { name: '寄售入库' }).click();
    await page.getByRole('cell', { name: note }).click();
    await page.waitForURL(/\/consignmentReceipts\/[0-9a-f-]{36}\/show$/);
    await page.locator('[data-testid="receive-form"]').waitFor();
    await page.locator('[data-testid="received-YN-SC-001-RED"]').fill('57');
    await expect(page.locator('[data-testid="difference-YN-SC-001-RED"]').innerText()).resolves.toBe('-3');
    await page.locator('[data-testid="receive-differences"]').waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'receive-consignment');
    await page.locator('[data-testid="receive-submit"]').click();
    await page.getByText('已收货入库').waitFor();
    const lines = page.locator('[data-testid="receipt-lines"]');
    await lines.waitFor();
    await expect(lines.locator('tbody tr').first().innerText()).resolves.toMatch(/60\s+57\s+-3/);
    await page.getByText('已收货').first().waitFor();
    await expectFullyTranslated(page);
  });

  it('lets the pricing reviewer review a submitted price sheet line by line and approve it', async () => {
    await loginAndWait(page, 'pricing.reviewer@demo.xuanpin.test');
    await page.getByRole('menuitem', { name: '价格审核' }).click();
    await page.getByText('河南豫暖针织服饰有限公司').first().click();
    await page.waitForURL(/\/priceSheets\/[0-9a-f-]{36}\/show$/);
    const review = page.locator('[data-testid="price-review"]');
    await review.waitFor();
    // Each line beside the price in force, with the change in percent; the large one flagged.
    await review.getByRole('columnheader', { name: '现行价格' }).waitFor();
    await review.locator('[data-testid="large-change"]').first().waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'price-review');

    // A wholesale tier below supply is flagged before sending.
    const first = review.locator('tbody tr').first();
    const tier = first.locator('input').first();
    const before = await tier.inputValue();
    await tier.fill('0.01');
    await first.locator('[data-testid="rule-problem"]').getByText('批发价低于供货价').waitFor();
    await tier.fill(before);
    // Rejecting a line needs a reason.
    await first.locator('[data-testid="line-reject"]').click();
    expect(await page.locator('[data-testid="review-submit"]').isDisabled()).toBe(true);
    await first.locator('[data-testid="line-approve"]').click();

    await page.locator('[data-testid="review-submit"]').click();
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('审核结果已提交').waitFor();
    await page.locator('[data-testid="price-lines"]').waitFor();
    await page.getByText('已通过').first().waitFor();
    await expectFullyTranslated(page);
  });

  it('lets showroom staff lay out a zone, open the slot map and assign a slot by clicking it', async () => {
    await loginAndWait(page, 'showroom.staff@demo.xuanpin.test');
    await page.getByRole('menuitem', { name: '货位图' }).click();
    await page.locator('[data-testid="slot-legend"]').waitFor();
    const zone = `Z${Date.now().toString(36).slice(-3).toUpperCase()}`;

    await page.getByRole('button', { name: '新建区域' }).click();
    await page.locator('input[name="code"]').fill(zone);
    await page.locator('input[name="name"]').fill('针织服饰区');
    await expectFullyTranslated(page);
    await page.getByRole('dialog').getByRole('button', { name: '新建区域' }).click();
    await page.getByText('区域已创建').waitFor();
    await page.locator(`[data-testid="zone-${zone}"]`).waitFor();

    await page.getByRole('button', { name: '批量新建货架' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('区域').click();
    await page.getByRole('option', { name: new RegExp(`^${zone} · `) }).click();
    await dialog.locator('input[name="toNumber"]').fill('2');
    await dialog.locator('input[name="levels"]').fill('2');
    await dialog.getByRole('button', { name: '批量新建货架' }).click();
    await page.getByText('货架和货位已创建').waitFor();
    const slot = page.locator(`[data-testid="slot-${zone}-01-1"]`);
    await slot.waitFor();
    expect(await slot.getAttribute('data-state')).toBe('FREE');
    await expectFullyTranslated(page);
    await screenshot(page, 'slot-map-empty');

    await slot.click();
    const panel = page.locator('[data-testid="slot-panel"]');
    await panel.getByText(`货位 ${zone}-01-1`).waitFor();
    await panel.getByLabel('SKU').fill('YN-SC-001');
    await page.getByRole('option', { name: /^YN-SC-001-RED · / }).click();
    await expectFullyTranslated(page);
    await screenshot(page, 'slot-assign');
    await panel.getByRole('button', { name: '分配货位' }).click();
    await page.getByText('货位已分配').waitFor();
    await page.locator(`[data-testid="slot-${zone}-01-1"][data-state="OCCUPIED"]`).waitFor();
    await expect(slot.innerText()).resolves.toContain('YN-SC-001-RED');

    // The occupant shows in the panel, with the factory and the period.
    await slot.click();
    await page.locator('[data-testid="slot-occupant"]').getByText('河南豫暖针织服饰有限公司').waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'slot-map-assigned');
  });
});
