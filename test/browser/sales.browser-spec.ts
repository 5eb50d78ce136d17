import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, expectFullyTranslated, launchBrowser, loginAndWait, newPage, screenshot } from './support';

const FACTORY_A = '河南豫暖针织服饰有限公司';
const ZHENGZHOU = '郑州航空港全品类选品中心';
const MONEY = /^-?¥[\d,]+\.\d{2}$/;

/** Orders, returns and the monthly statement, clicked through in Chinese against the demo. */
describe('sales and settlement in the console', () => {
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

  /** Opens a statement, downloads its PDF through the page's button and answers the file's bytes. */
  async function downloadPdf(): Promise<Buffer> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-pdf"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^结算单-.+-\d{4}-\d{2}\.pdf$/);
    const path = await download.path();
    return readFileSync(path);
  }

  it('lets the operator open the orders and an order with its lines, price versions and scan code', async () => {
    await loginAndWait(page, 'operator.admin@demo.xuanpin.test');
    await page.locator('[data-testid="figure-open-orders"]').filter({ hasText: /^\d+$/ }).waitFor();
    await page.getByRole('menuitem', { name: '批发订单' }).click();
    await page.waitForURL(/\/salesOrders(\?.*)?$/);
    await page.getByText('洛阳老城针织铺').first().waitFor();
    await page.getByText('中原批发城·豫货优选').first().waitFor();
    await page.getByText('已签收').first().waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'orders');

    // The buyer who ordered from a shelf label's scan: its order carries the scan code on its line.
    await page.getByText('洛阳老城针织铺').first().click();
    await page.waitForURL(/\/salesOrders\/[0-9a-f-]{36}\/show$/);
    const lines = page.locator('[data-testid="order-lines"]');
    await lines.locator('[data-testid="order-line"]').first().waitFor();
    expect(await lines.locator('[data-testid="order-line"]').count()).toBe(1);
    await lines.locator('[data-testid="price-version"]').filter({ hasText: /^价格表第 \d+ 版（\d{4}-\d{2}-\d{2} 起）$/ }).first().waitFor();
    await lines.locator('[data-testid="line-scan"]').filter({ hasText: /^扫码 \S+$/ }).waitFor();
    await lines.getByText(FACTORY_A).waitFor();
    expect(await page.locator('[data-testid="order-total"]').innerText()).toMatch(MONEY);
    await page.locator('[data-testid="order-status"]').getByText('已签收').waitFor();
    // The demo's return of twelve units is listed on its order.
    await page.locator('[data-testid="order-returns"]').getByText('七天无理由').waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'order-show');

    // The buyer's page explains its member level.
    await page.getByRole('link', { name: '洛阳老城针织铺' }).click();
    await page.waitForURL(/\/buyers\/[0-9a-f-]{36}\/show$/);
    await page.locator('[data-testid="level-basis"]').waitFor();
    await page.locator('[data-testid="member-level"]').first().waitFor();
    await expectFullyTranslated(page);
  });

  it('takes an unpaid order through payment, for the operator admin, and asks a reason to cancel', async () => {
    await loginAndWait(page, 'operator.admin@demo.xuanpin.test');
    await page.goto(`${baseUrl()}/salesOrders?filter=${encodeURIComponent(JSON.stringify({ status: 'PLACED' }))}`);
    await page.getByText('新乡百货').first().click();
    await page.waitForURL(/\/salesOrders\/[0-9a-f-]{36}\/show$/);
    await page.locator('[data-testid="order-status"]').getByText('待付款').waitFor();
    // Cancelling needs a reason: the dialog waits for one.
    await page.locator('[data-testid="order-step-cancel"]').click();
    expect(await page.locator('[data-testid="reason-confirm"]').isDisabled()).toBe(true);
    await page.getByRole('button', { name: '取消', exact: true }).click();
    await page.locator('[data-testid="order-step-pay"]').click();
    await page.locator('textarea[name="reason"]').fill('ALIPAY-TEST-0001');
    await page.locator('[data-testid="reason-confirm"]').click();
    await page.getByText('已登记付款').first().waitFor();
    await page.locator('[data-testid="order-status"]').getByText('已付款').waitFor();
    await page.locator('#main-content').getByText('ALIPAY-TEST-0001').waitFor();
    await page.locator('[data-testid="order-step-ship"]').waitFor();
    await expectFullyTranslated(page);
  });

  it('lets showroom staff place an order for a buyer with a price preview, refusing a quantity that is not whole packs', async () => {
    await loginAndWait(page, 'showroom.staff@demo.xuanpin.test');
    await page.getByRole('menuitem', { name: '批发订单' }).click();
    await page.getByRole('link', { name: '代客下单' }).click();
    await page.waitForURL(/\/salesOrders\/create$/);
    // The buyers of the venue are offered as soon as the field opens (a search would narrow them).
    await page.waitForLoadState('networkidle');
    await page.getByRole('combobox', { name: '采购商' }).click();
    await page.getByRole('option', { name: /^新乡百货 · / }).click();
    await page.getByLabel('SKU').first().fill('YN-SC-001-RED');
    await page.getByRole('option', { name: /^YN-SC-001-RED · / }).click();
    const preview = page.locator('[data-testid="line-preview"]');
    await preview.getByText('起批 12 · 每包 6').waitFor();
    await page.locator('input[name="lines.0.quantity"]').fill('13');
    await preview.getByText('须为整包（每包 6 件）').waitFor();
    await page.locator('input[name="lines.0.quantity"]').fill('18');
    await preview.getByText(/^¥[\d,]+\.\d{2}\/件（\d+ 件起） · 小计 ¥[\d,]+\.\d{2}$/).waitFor();
    await page.locator('[data-testid="order-estimate"]').getByText(/^预计合计 ¥[\d,]+\.\d{2}/).waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'order-create');
    // The previews have answered: the form is settled before it is sent.
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/salesOrders\/[0-9a-f-]{36}\/show$/, { timeout: 45_000 });
    await page.getByText('订单已提交，库存已预留').first().waitFor();
    await page.locator('[data-testid="order-status"]').getByText('待付款').waitFor();
    const line = page.locator('[data-testid="order-line"]');
    await line.getByText('YN-SC-001-RED').waitFor();
    await line.locator('[data-testid="price-version"]').filter({ hasText: /^价格表第 \d+ 版/ }).waitFor();
    // Showroom staff may cancel an unpaid order but not record its payment.
    expect(await page.locator('[data-testid="order-step-pay"]').count()).toBe(0);
    await page.locator('[data-testid="order-step-cancel"]').waitFor();
    await expectFullyTranslated(page);
  });

  it('lets the operator request a return on a delivered order’s lines', async () => {
    await loginAndWait(page, 'operator.admin@demo.xuanpin.test');
    await page.goto(`${baseUrl()}/salesOrders?filter=${encodeURIComponent(JSON.stringify({ status: 'DELIVERED' }))}`);
    await page.getByText('暖冬小铺（淘宝）').first().click();
    await page.waitForURL(/\/salesOrders\/[0-9a-f-]{36}\/show$/);
    await page.locator('[data-testid="order-request-return"]').click();
    await page.waitForURL(/\/salesReturns\/create/);
    const line = page.locator('[data-testid="return-line"]');
    await line.getByText('可退 120').waitFor();
    await line.locator('input').fill('12');
    await expectFullyTranslated(page);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/salesReturns\/[0-9a-f-]{36}\/show$/);
    await page.getByText('退货已申请').first().waitFor();
    await page.locator('[data-testid="return-lines"]').getByText('YN-HT-002-BLK').waitFor();
    await page.getByText('待收货').first().waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'return-show');
    const returnUrl = page.url();
    await context.close();

    // The warehouse receives the goods, line by line back to stock.
    ({ context, page } = await newPage(browser));
    await loginAndWait(page, 'warehouse.staff@demo.xuanpin.test');
    await page.goto(returnUrl);
    await page.locator('[data-testid="return-receive"]').click();
    await page.locator('[data-testid="return-receive-confirm"]').click();
    await page.getByText('退货已收货').first().waitFor();
    await page.locator('[data-testid="return-lines"]').getByText('回仓库').waitFor();
    await expectFullyTranslated(page);
  });

  it("lets the operator open the demo month's statement with the spread and download its PDF", async () => {
    await loginAndWait(page, 'operator.admin@demo.xuanpin.test');
    await page.getByRole('menuitem', { name: '月度结算' }).click();
    await page.waitForURL(/\/settlements(\?.*)?$/);
    await page.locator('tbody tr').filter({ hasText: FACTORY_A }).first().click();
    await page.waitForURL(/\/settlements\/[0-9a-f-]{36}\/show$/);
    await page.locator('[data-testid="settlement-status"]').getByText('已发出待确认').waitFor();
    const sales = page.locator('[data-testid="settlement-sales-lines"]');
    await sales.locator('[data-testid="settlement-line"]').first().waitFor();
    await sales.locator('[data-testid="price-version"]').filter({ hasText: /^价格表第 \d+ 版/ }).first().waitFor();
    expect(await page.locator('[data-testid="settlement-payable"]').innerText()).toMatch(MONEY);
    expect(await page.locator('[data-testid="settlement-spread"]').innerText()).toMatch(MONEY);
    await page.locator('[data-testid="settlement-stock-lines"]').waitFor();
    // Issued: the operator waits for the factory; no step of its own is offered.
    expect(await page.locator('[data-testid^="settlement-step-"]').count()).toBe(0);
    await expectFullyTranslated(page);
    await screenshot(page, 'settlement-operator');

    const pdf = await downloadPdf();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('shows a factory its own statement without the spread, and no other factory anything of it', async () => {
    await loginAndWait(page, 'factory.admin@demo.xuanpin.test');
    await page.getByRole('menuitem', { name: '月度结算' }).click();
    await page.waitForURL(/\/settlements(\?.*)?$/);
    await page.locator('tbody tr').filter({ hasText: ZHENGZHOU }).first().click();
    await page.waitForURL(/\/settlements\/[0-9a-f-]{36}\/show$/);
    const statementUrl = page.url();
    await page.locator('[data-testid="settlement-sales-lines"]').waitFor();
    expect(await page.locator('[data-testid="settlement-spread"]').count()).toBe(0);
    expect(await page.locator('[data-testid="line-spread"]').count()).toBe(0);
    await page.getByText('差价与批发金额仅链主可见').waitFor();
    // The factory's admin confirms or disputes an issued statement.
    await page.locator('[data-testid="settlement-step-confirm"]').waitFor();
    await page.locator('[data-testid="settlement-step-dispute"]').waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'settlement-factory');
    const pdf = await downloadPdf();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await context.close();

    // Its orders: its own lines at the supply price, without the buyers.
    ({ context, page } = await newPage(browser));
    await loginAndWait(page, 'factory.admin@demo.xuanpin.test');
    await page.getByRole('menuitem', { name: '订单明细' }).click();
    await page.getByText('YN-SW-003-GRY-M').first().waitFor();
    await page.getByText(ZHENGZHOU).first().waitFor();
    const own = await page.locator('#main-content').innerText();
    for (const buyer of ['洛阳老城针织铺', '中原批发城·豫货优选']) expect(own).not.toContain(buyer);
    await expectFullyTranslated(page);
    await screenshot(page, 'factory-order-lines');
    await context.close();

    // Factory B: no statement, no order line of factory A, and A's statement is not there by address.
    ({ context, page } = await newPage(browser));
    await loginAndWait(page, 'factory2.admin@demo.xuanpin.test');
    await page.getByRole('menuitem', { name: '月度结算' }).click();
    await page.getByText('还没有月度结算').waitFor();
    await expectFullyTranslated(page);
    await page.getByRole('menuitem', { name: '订单明细' }).click();
    await page.getByText('还没有订单明细').waitFor();
    expect(await page.locator('#main-content').innerText()).not.toContain('YN-');
    await page.goto(statementUrl);
    await page.locator('#main-content').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-testid="settlement-sales-lines"]').count()).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(FACTORY_A);
    expect(text).not.toContain('YN-SW-003-GRY-M');
  });

  it('walks the statement through dispute, regeneration, reissue, confirmation and payment, each side its own steps', async () => {
    // The factory disputes, with a reason (the dialog waits for one).
    await loginAndWait(page, 'factory.admin@demo.xuanpin.test');
    await page.getByRole('menuitem', { name: '月度结算' }).click();
    await page.waitForURL(/\/settlements(\?.*)?$/);
    await page.locator('tbody tr').filter({ hasText: ZHENGZHOU }).first().click();
    await page.waitForURL(/\/settlements\/[0-9a-f-]{36}\/show$/);
    const statementUrl = page.url();
    await page.locator('[data-testid="settlement-step-dispute"]').click();
    expect(await page.locator('[data-testid="reason-confirm"]').isDisabled()).toBe(true);
    await page.locator('textarea[name="reason"]').fill('围巾退货数量应为 12 条，请核对。');
    await page.locator('[data-testid="reason-confirm"]').click();
    await page.getByText('已提出异议').first().waitFor();
    await page.locator('[data-testid="settlement-status"]').getByText('有异议').waitFor();
    expect(await page.locator('[data-testid^="settlement-step-"]').count()).toBe(0);
    await context.close();

    // The operator reads the reason, regenerates and issues it again.
    ({ context, page } = await newPage(browser));
    await loginAndWait(page, 'operator.admin@demo.xuanpin.test');
    await page.goto(statementUrl);
    await page.locator('[data-testid="dispute-reason"]').getByText('围巾退货数量应为 12 条，请核对。').waitFor();
    await page.locator('[data-testid="settlement-step-regenerate"]').click();
    await page.getByRole('button', { name: '确认', exact: true }).click();
    await page.locator('[data-testid="settlement-status"]').getByText('草稿').waitFor();
    await page.locator('[data-testid="settlement-step-issue"]').click();
    await page.getByRole('button', { name: '确认', exact: true }).click();
    await page.locator('[data-testid="settlement-status"]').getByText('已发出待确认').waitFor();
    await expectFullyTranslated(page);
    await context.close();

    // The factory confirms; the operator records the payment.
    ({ context, page } = await newPage(browser));
    await loginAndWait(page, 'factory.admin@demo.xuanpin.test');
    await page.goto(statementUrl);
    await page.locator('[data-testid="settlement-step-confirm"]').click();
    await page.getByRole('button', { name: '确认', exact: true }).click();
    await page.locator('[data-testid="settlement-status"]').getByText('工厂已确认').waitFor();
    await context.close();

    ({ context, page } = await newPage(browser));
    await loginAndWait(page, 'operator.admin@demo.xuanpin.test');
    await page.goto(statementUrl);
    await page.locator('[data-testid="settlement-step-markPaid"]').click();
    await page.locator('textarea[name="reason"]').fill('BANK-TEST-2026');
    await page.locator('[data-testid="reason-confirm"]').click();
    await page.locator('[data-testid="settlement-status"]').getByText('已付款').waitFor();
    await page.locator('#main-content').getByText('BANK-TEST-2026').waitFor();
    expect(await page.locator('[data-testid^="settlement-step-"]').count()).toBe(0);
    await expectFullyTranslated(page);
  });
});
