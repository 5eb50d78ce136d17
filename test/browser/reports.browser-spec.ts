import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { expectFullyTranslated, launchBrowser, loginAndWait, newPage, RAW_KEY, screenshot } from './support';

const ZZ = '郑州航空港全品类选品中心';
const YK = '永康五金选品中心';
const FACTORY_A = '河南豫暖针织服饰有限公司';
const FACTORY_B = '义乌行远箱包有限公司';

/** Last month in Shanghai, as the period picker spells it ("2026-10-01 至 2026-10-31"). */
function lastMonthText(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const [y, m] = today.split('-').map(Number);
  const first = new Date(Date.UTC(m === 1 ? y - 1 : y, m === 1 ? 11 : m - 2, 1));
  const last = new Date(Date.UTC(y, m - 1, 0));
  return `${first.toISOString().slice(0, 10)} 至 ${last.toISOString().slice(0, 10)}`;
}

/** The downloaded spreadsheet: a zip (PK…) that reads as a workbook; all its cells' text, sheet by sheet. */
async function workbookText(download: Download): Promise<{ sheets: string[]; text: string }> {
  const file = readFileSync((await download.path())!);
  expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  return { sheets: workbook.worksheets.map((w) => w.name), text: cells.join('\n') };
}

/** The reports and the report figures of the role dashboards, in Chinese against the demo. */
describe('reports in the console', () => {
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

  it("lets the regional manager compare last month's venues with totals, open a venue's report and download it", async () => {
    await loginAndWait(page, 'regional.manager@demo.xuanpin.test');
    // The home shows this month's region figures, no placeholder of the reports left.
    await page.locator('[data-testid="home-region-figures"] [data-testid="home-figure-gmv"]').waitFor();
    expect(await page.locator('[data-testid="later-figure"]').count()).toBe(0);
    await expectFullyTranslated(page);
    await screenshot(page, 'home-regional-reports');

    await page.getByRole('menuitem', { name: '区域对比报表' }).click();
    await page.locator('[data-testid="region-table"]').waitFor();
    expect(await page.locator('[data-testid="period-text"]').innerText()).toBe(lastMonthText());
    const venues = await page.locator('[data-testid="region-venue"] a').allInnerTexts();
    expect(venues.sort()).toEqual([YK, ZZ].sort());
    // Each venue and the region total have figures: Zhengzhou sold last month, the total is at least its GMV.
    const gmvCells = await page.locator('[data-testid="row-gmv"] td').allInnerTexts();
    expect(gmvCells).toHaveLength(4);
    for (const cell of gmvCells.slice(1)) expect(cell).toMatch(/¥[\d,]+\.\d{2}/);
    const zzIndex = venues.indexOf(ZZ);
    // Compared in integer fen, as the money is: never through a float.
    const fen = (text: string) => BigInt(/¥([\d,]+)\.(\d{2})/.exec(text)!.slice(1).join('').replace(/,/g, ''));
    expect(fen(gmvCells[1 + zzIndex])).toBeGreaterThan(0n);
    expect(fen(gmvCells[3])).toBeGreaterThanOrEqual(fen(gmvCells[1 + zzIndex]));
    const stockCells = await page.locator('[data-testid="row-stockUnits"] td').allInnerTexts();
    expect(stockCells.slice(1).every((c) => /\d/.test(c))).toBe(true);
    await page.locator('[data-testid="chart-venue-gmv"]').waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'region-report');

    await page.locator('[data-testid="open-venue-ZZ-AIRPORT"]').click();
    await page.waitForURL(/\/reports\/venue\?venue=/);
    await page.locator('[data-testid="venue-report"][data-view="FULL"]').waitFor();
    // The link carries the region report's period: it opens on 上月.
    expect(await page.locator('[data-testid="period-lastMonth"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('[data-testid="period-text"]').innerText()).toBe(lastMonthText());
    expect(await page.locator('[data-testid="venue-select"]').innerText()).toContain(ZZ);
    await page.locator('[data-testid="figure-spread"] [data-testid="figure-value"]').waitFor();
    await page.locator('[data-testid="top-factories-gmv"]').getByText(FACTORY_A).first().waitFor();
    await page.locator('[data-testid="weakest-slots"]').waitFor();
    await page.locator('[data-testid="stock-age-chart"]').waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'venue-report');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-xlsx"]').click()]);
    expect(download.suggestedFilename()).toBe(`场馆报表_ZZ-AIRPORT_${lastMonthText().replace(' 至 ', '至')}.xlsx`);
    const workbook = await workbookText(download);
    expect(workbook.sheets.length).toBeGreaterThan(1);
    expect(workbook.text).toContain(FACTORY_A);

    // The picker still decides after the link: Yongkang sold nothing last month, and back.
    await page.locator('[data-testid="venue-select"]').click();
    await page.getByRole('option', { name: new RegExp(YK) }).click();
    await page.locator('[data-testid="figure-gmv"] [data-testid="figure-value"]').getByText('¥0.00', { exact: true }).waitFor();
    await page.locator('[data-testid="venue-select"]').click();
    await page.getByRole('option', { name: new RegExp(ZZ) }).click();
    await page.locator('[data-testid="top-factories-gmv"]').getByText(FACTORY_A).first().waitFor();

    // Another period: this month so far.
    await page.locator('[data-testid="period-thisMonth"]').click();
    const firstOfMonth = `${new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date())}-01`;
    await page.locator('[data-testid="report-periods"]').getByText(`统计期 ${firstOfMonth} 至`).waitFor();

    // A ranked factory opens its own report (a regional manager sees its venues in the region).
    await page.locator('[data-testid="period-lastMonth"]').click();
    await page.locator('[data-testid="report-periods"]').getByText(`统计期 ${lastMonthText()}`).waitFor();
    await page.locator('[data-testid="top-factories-gmv"]').getByRole('link', { name: FACTORY_A }).click();
    await page.waitForURL(/\/reports\/factory\?factory=/);
    expect(await page.locator('[data-testid="factory-name"]').innerText()).toBe(FACTORY_A);
    expect(await page.locator('[data-testid="factory-venue"]').allInnerTexts()).toEqual([expect.stringContaining(ZZ)]);
    expect(await page.locator('[data-testid="period-text"]').innerText()).toBe(lastMonthText());
    await expectFullyTranslated(page);
  });

  it("shows a government viewer its venue's aggregates and no factory's name", async () => {
    await loginAndWait(page, 'gov.viewer@demo.xuanpin.test');
    await page.locator('[data-testid="home-venue-figures"] [data-testid="home-figure-gmv"]').waitFor();
    expect(await page.locator('[data-testid="later-figure"]').count()).toBe(0);
    await screenshot(page, 'home-government-reports');

    await page.getByRole('menuitem', { name: '中心经营报表' }).click();
    await page.locator('[data-testid="venue-report"][data-view="AGGREGATE_ONLY"]').waitFor();
    await page.locator('[data-testid="aggregate-only"]').waitFor();
    await page.locator('[data-testid="figure-gmv"] [data-testid="figure-value"]').waitFor();
    await page.locator('[data-testid="weakest-slots"]').waitFor();
    expect(await page.locator('[data-testid="figure-spread"]').count()).toBe(0);
    expect(await page.locator('[data-testid="section-top"]').count()).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).toContain(ZZ);
    expect(text).not.toContain(FACTORY_A);
    expect(text).not.toContain(FACTORY_B);
    expect(await page.locator('[data-testid="chart-money"] [data-testid="bar-spread"]').count()).toBe(0);
    await expectFullyTranslated(page);
    await screenshot(page, 'venue-report-government');

    // Its spreadsheet has the same aggregates and no factory either.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-xlsx"]').click()]);
    const workbook = await workbookText(download);
    expect(workbook.text).toContain(ZZ);
    expect(workbook.text).not.toContain(FACTORY_A);
    expect(workbook.text).not.toContain(FACTORY_B);

    // Another period works the same: this year.
    await page.locator('[data-testid="period-thisYear"]').click();
    await page.locator('[data-testid="report-periods"]').getByText(/-01-01 至/).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(FACTORY_A);
  });

  it('shows a factory its own report across its venues and nobody else', async () => {
    await loginAndWait(page, 'factory.admin@demo.xuanpin.test');
    await page.locator('[data-testid="home-factory-figures"] [data-testid="home-figure-orders"]').waitFor();
    // At most the settlements' place is left for its area.
    expect(await page.locator('[data-testid="later-figure"]').count()).toBe(0);
    await screenshot(page, 'home-factory-reports');

    await page.getByRole('menuitem', { name: '我的经营报表' }).click();
    await page.locator('[data-testid="factory-report"]').waitFor();
    expect(await page.locator('[data-testid="factory-name"]').innerText()).toBe(FACTORY_A);
    expect(await page.locator('[data-testid="factory-venue"]').count()).toBeGreaterThan(0);
    await page.locator('[data-testid="figure-gmv"] [data-testid="figure-value"]').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(FACTORY_B);
    await expectFullyTranslated(page);
    await screenshot(page, 'factory-report');

    // The same report in English.
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('All venues together').waitFor();
    await page.getByRole('button', { name: 'Last month' }).waitFor();
    expect(await page.locator('[data-testid="report-periods"]').innerText()).toMatch(/^Period \d{4}-\d{2}-01 to /);
    expect(await page.locator('body').innerText()).not.toMatch(RAW_KEY);
  });

  it("gives the platform admin and the venue staff this month's figures on their homes", async () => {
    await loginAndWait(page, 'platform.admin@demo.xuanpin.test');
    // One row per region (华中华东, 华南), no placeholder left.
    await page.locator('[data-testid="home-region-figures"]').nth(1).waitFor();
    await page.locator('[data-testid="home-region-figures"] [data-testid="home-figure-medianHoursToDecision"]').first().waitFor();
    expect(await page.locator('[data-testid="later-figure"]').count()).toBe(0);
    await page.getByText('华中华东大区：本月至今（与上月同期对比）').waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'home-platform-reports');
    await page.locator('[data-testid="home-region-report"]').click();
    await page.locator('[data-testid="region-table"]').waitFor();

    await context.close();
    ({ context, page } = await newPage(browser));
    await loginAndWait(page, 'operator.admin@demo.xuanpin.test');
    const figures = page.locator('[data-testid="home-venue-figures"]');
    await figures.locator('[data-testid="home-figure-spread"] [data-testid="figure-value"]').waitFor();
    expect(await figures.locator('[data-testid="home-figure-gmv"] [data-testid="figure-value"]').innerText()).toMatch(/^¥[\d,]+\.\d{2}$/);
    await page.getByText(`${ZZ}：本月至今（与上月同期对比）`).waitFor();
    // At most the labels' and sales' places are left for their areas.
    expect(await page.locator('[data-testid="later-figure"]').count()).toBe(0);
    await expectFullyTranslated(page);
    await screenshot(page, 'home-operator-reports');
  });
});
