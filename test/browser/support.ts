import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { readServerState, ROOT } from './server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'xuanpin-demo';

/** Debian's Chromium, headless, with nothing reaching out to the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export function baseUrl(): string {
  return readServerState().baseUrl;
}

/** A fresh browser context (no stored session or locale) in zh-CN, Shanghai time. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 850 } });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  return { context, page };
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

/** Signs in and waits for the home screen. */
export async function loginAndWait(page: Page, email: string): Promise<void> {
  await login(page, email);
  await page.locator('[data-portal]').waitFor();
}

/** The texts of the sidebar's menu entries, in order. */
export async function menuLabels(page: Page): Promise<string[]> {
  const items = page.locator('.RaMenu-open [role="menuitem"], .RaMenu-closed [role="menuitem"]');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}

/** Words that betray an untranslated label: a raw key (resources.venues.name, xp.menu.home, ra.action.save). */
export const RAW_KEY = /\b(?:resources|xp|ra)\.[A-Za-z_]+(?:\.[A-Za-z_]+)+/;

/** Keys the i18n provider was asked for in Chinese but had no Chinese for (see apps/console/src/i18n). */
export async function missingTranslations(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((globalThis as unknown as { __xpMissingTranslations?: Set<string> }).__xpMissingTranslations ?? [])]);
}

/** Fails when the page shows a raw i18n key or asked for a missing Chinese translation. */
export async function expectFullyTranslated(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(RAW_KEY);
  expect(await missingTranslations(page)).toEqual([]);
}

/** A screenshot into test/browser/screenshots (ignored by git), for looking at the result. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.BROWSER_TESTS_SCREENSHOTS !== '1') return;
  const dir = join(ROOT, 'test/browser/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
