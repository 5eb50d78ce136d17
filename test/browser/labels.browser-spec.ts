import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, expectFullyTranslated, launchBrowser, loginAndWait, newPage, screenshot } from './support';

/** Shelf labels and their scans, clicked through in Chinese against the demo. */
describe('shelf labels and scans in the console', () => {
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

  it("shows showroom staff the demo's stale label in the reprint queue and on the home screen", async () => {
    await loginAndWait(page, 'showroom.staff@demo.xuanpin.test');
    const figure = page.locator('[data-testid="figure-stale-labels"]', { hasText: /^[1-9]\d*$/ });
    await figure.waitFor();
    const stale = Number(await figure.innerText());
    await figure.click();
    await page.waitForURL(/\/label-printing\?tab=queue$/);
    const shelf = page.locator('[data-testid="stale-shelf-A-01"]');
    await shelf.getByText('价格已调整').waitFor();
    await expect(page.locator('[data-testid="stale-count"]').innerText()).resolves.toBe(`待更换标签 ${stale} 张`);
    const rows = await page.locator('[data-testid="stale-labels"] tbody tr').count();
    expect(rows).toBe(stale);
    await page.locator('[data-testid="reprint-stale"]').waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'reprint-queue');

    // The same labels are what a stale-only job would print.
    await page.locator('[data-testid="tab-print"]').click();
    await page.locator('[data-testid="mode-STALE"]').click();
    await expect(page.locator('[data-testid="preview-count"]').innerText()).resolves.toMatch(new RegExp(`^共 ${stale} 张标签`));
  });

  it('lets showroom staff walk shelf A-01 and find its stale label, and records the walk', async () => {
    await loginAndWait(page, 'showroom.staff@demo.xuanpin.test');
    await page.goto(`${baseUrl()}/label-printing?tab=queue`);
    const code = (await page.locator('[data-testid="stale-shelf-A-01"] tbody tr td').last().innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{12}$/);

    await page.locator('[data-testid="tab-walk"]').click();
    await page.locator('[data-testid="walk-shelf"] [role="combobox"]').click();
    await page.getByRole('option', { name: /^A-01（/ }).click();
    await page.locator('[data-testid="walk-start"]').click();
    const input = page.locator('[data-testid="walk-code"]');
    // A phone or handheld scanner gives the whole scan address; it is checked as the code.
    await input.fill(`${baseUrl()}/s/${code}`);
    await input.press('Enter');
    await page.locator('[data-testid="walk-check-STALE"]').getByText('价格已调整，请补打新标签').waitFor();
    await input.fill('NOT-A-CODE');
    await input.press('Enter');
    await page.locator('[data-testid="walk-check-UNKNOWN"]').waitFor();
    await expect(page.locator('[data-testid="walk-counts"]').innerText()).resolves.toContain('需更换 1');
    await expectFullyTranslated(page);
    await screenshot(page, 'label-walk');
    await page.locator('[data-testid="walk-finish"]').click();
    await expect(page.locator('[data-testid="walk-summary"]').innerText()).resolves.toBe('巡检已记录：货架 A-01，核对 2 张，需更换 1 张。');
    // The list shows the new walk above the demo's walk of yesterday.
    await page.locator('[data-testid="walk-row"]').nth(1).waitFor();
    const newest = page.locator('[data-testid="walk-row"]').first();
    await expect(newest.innerText()).resolves.toMatch(/展厅专员.*\s+A-01\s+2\s+1\s+已完成/);
  });

  it('lets showroom staff pick a shelf, preview its labels as SVG and print them as PDF and ZPL', async () => {
    await loginAndWait(page, 'showroom.staff@demo.xuanpin.test');
    await page.getByRole('menuitem', { name: '打印标签' }).click();
    await page.waitForURL(/\/label-printing$/);
    await page.locator('[data-testid="pick-shelves"]').waitFor();
    await page.getByText('选好模板和货位后，这里显示标签预览。').waitFor();
    // An empty shelf prints nothing, and the page says why before anything is sent to print.
    await page.locator('[data-testid="shelf-A-05"] input').check();
    await page.getByText('所选范围内没有可打印的标签').waitFor();
    await page.locator('[data-testid="label-skipped"]').getByText('A-05-1 · 今天没有在展商品').waitFor();
    await page.locator('[data-testid="shelf-A-05"] input').uncheck();
    await page.locator('[data-testid="shelf-A-02"] input').check();

    // The preview: one page of the labels, as an SVG image, with the count of what would print.
    const preview = page.locator('[data-testid="label-preview"]');
    await preview.waitFor();
    const src = await preview.getAttribute('src');
    expect(src).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    const svg = decodeURIComponent(src!.slice(src!.indexOf(',') + 1));
    expect(svg).toContain('<svg');
    expect(svg).toMatch(/YN-[A-Z0-9-]+/);
    expect(await preview.evaluate((img) => { const i = img as unknown as { complete: boolean; naturalWidth: number }; return i.complete && i.naturalWidth > 0; })).toBe(true);
    const count = await page.locator('[data-testid="preview-count"]').innerText();
    const labels = Number(/共 (\d+) 张标签/.exec(count)?.[1]);
    expect(labels).toBeGreaterThan(0);
    await expectFullyTranslated(page);
    await screenshot(page, 'label-preview');

    // Print as PDF: the job is done, and its file is a PDF.
    await page.locator('[data-testid="output-PDF"] input').check();
    await page.locator('[data-testid="print-button"]').click();
    const result = page.locator('[data-testid="job-result"]');
    await result.waitFor();
    await expect(result.locator('[data-testid="job-status"]').innerText()).resolves.toBe('已完成');
    await expect(result.innerText()).resolves.toContain(`${labels} 张标签`);
    const [download] = await Promise.all([page.waitForEvent('download'), result.locator('[data-testid="job-download"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^货架标签-.+\.pdf$/);
    const file = await readFile((await download.path())!);
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectFullyTranslated(page);

    // The same shelf for a Zebra printer at 300 dpi: a ZPL file, one format per label, QR drawn by the printer.
    await page.locator('[data-testid="output-ZPL_300"] input').check();
    await page.locator('[data-testid="print-button"]').click();
    await result.getByText('.zpl').waitFor();
    await expect(result.locator('[data-testid="job-status"]').innerText()).resolves.toBe('已完成');
    const [zplDownload] = await Promise.all([page.waitForEvent('download'), result.locator('[data-testid="job-download"]').click()]);
    expect(zplDownload.suggestedFilename()).toMatch(/\.zpl$/);
    const zpl = (await readFile((await zplDownload.path())!)).toString('utf8');
    expect(zpl.match(/\^XA/g)).toHaveLength(labels);
    expect(zpl).toContain('^BQ');

    // The jobs are in the history, with who printed them and their files again.
    await page.locator('[data-testid="tab-jobs"]').click();
    const newest = page.locator('[data-testid="label-job-row"]').first();
    await expect(newest.innerText()).resolves.toContain('ZPL 300 dpi');
    await expect(page.locator('[data-testid="label-job-row"]').nth(1).innerText()).resolves.toMatch(/展厅专员.*1 个货架\s+PDF/);
    await expect(newest.innerText()).resolves.toContain('已完成');
    await expect(newest.innerText()).resolves.toContain('1 个货架');
    await newest.locator('[data-testid="job-download"]').waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'label-jobs');

    // The new labels wait in the queue to be confirmed on the shelf.
    await page.locator('[data-testid="tab-queue"]').click();
    const awaiting = page.locator('[data-testid="awaiting-shelf-A-02"]');
    await awaiting.waitFor();
    await awaiting.locator('[data-testid="mark-posted"]').click();
    await page.getByText(`已确认 ${labels} 张标签贴上货架`).waitFor();
    await awaiting.waitFor({ state: 'detached' });
  });

  it('shows a factory the scans of its own SKUs only', async () => {
    await loginAndWait(page, 'factory.admin@demo.xuanpin.test');
    await page.getByRole('menuitem', { name: '扫码统计' }).click();
    await page.waitForURL(/\/scan-stats$/);
    await page.locator('[data-testid="scan-scope-factory"]').waitFor();
    await expect(page.locator('[data-testid="scan-total-scans"]').innerText()).resolves.toMatch(/^[1-9]\d*$/);
    await page.locator('[data-testid="scan-rows"]').waitFor();
    await expectFullyTranslated(page);
    await page.locator('[data-testid="scan-group-SKU"]').click();
    const skus = page.locator('[data-testid="scan-row"] td:first-child');
    await skus.first().waitFor();
    const codes = (await skus.allInnerTexts()).map((t) => t.split(' ')[0]);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c.startsWith('YN-'))).toBe(true);
    await expectFullyTranslated(page);
    await screenshot(page, 'factory-scans');
    // No factory column for a factory: it sees itself only.
    expect(await page.locator('[data-testid="scan-group-FACTORY"]').count()).toBe(0);
  });

  it("shows another factory at the same venue none of factory A's scans", async () => {
    await loginAndWait(page, 'factory2.admin@demo.xuanpin.test');
    await page.goto(`${baseUrl()}/scan-stats`);
    await page.locator('[data-testid="scan-scope-factory"]').waitFor();
    const venue = page.locator('[data-testid="venue-select"]');
    if (await venue.count()) {
      await venue.locator('[role="combobox"]').click();
      await page.getByRole('option', { name: /郑州航空港全品类选品中心/ }).click();
    }
    await page.locator('[data-testid="scan-group-SKU"]').click();
    await page.locator('[data-testid="scan-rows-empty"], [data-testid="scan-rows"]').first().waitFor();
    const codes = (await page.locator('[data-testid="scan-row"] td:first-child').allInnerTexts()).map((t) => t.split(' ')[0]);
    expect(codes.filter((c) => c.startsWith('YN-'))).toEqual([]);
    await expect(page.locator('[data-testid="scan-total-scans"]').innerText()).resolves.toBe(String(codes.length ? await sumScans(page) : 0));
    await expectFullyTranslated(page);
  });

  it("shows the operator every factory's scans at the venue, by factory", async () => {
    await loginAndWait(page, 'operator.admin@demo.xuanpin.test');
    await page.goto(`${baseUrl()}/scan-stats`);
    await page.locator('[data-testid="scan-total-scans"]').waitFor();
    expect(await page.locator('[data-testid="scan-scope-factory"]').count()).toBe(0);
    await page.locator('[data-testid="scan-group-FACTORY"]').click();
    await page.locator('[data-testid="scan-row"]').first().getByText('河南豫暖针织服饰有限公司').waitFor();
    await expectFullyTranslated(page);
  });
});

/** The scans of the rows shown (the second column). */
async function sumScans(page: Page): Promise<number> {
  const cells = await page.locator('[data-testid="scan-row"] td:nth-child(2)').allInnerTexts();
  return cells.reduce((sum, c) => sum + Number(c), 0);
}
