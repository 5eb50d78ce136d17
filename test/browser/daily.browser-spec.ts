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
