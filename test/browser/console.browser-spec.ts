import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, expectFullyTranslated, launchBrowser, login, loginAndWait, menuLabels, newPage, screenshot } from './support';

/** What each demo login must see in its menu (Chinese), and the portal named in the app bar. */
const MENUS: { email: string; portal: string; menu: string[] }[] = [
  { email: 'platform.admin@demo.xuanpin.test', portal: '平台管理', menu: ['首页', '入驻申请', '品牌', '商品', 'SKU', '类目', '价格表', '价格查询', '货位图', '货位申请', '货位分配', '货位占用率', '库存余额', '寄售入库', '库存流水', '库存盘点', '库龄分析', '标签模板', '扫码统计', '批发订单', '客户退货', '采购商', '月度结算', '区域对比报表', '中心经营报表', '选品中心', '大区', '机构', '用户', '审计日志', '我的账户'] },
  { email: 'regional.manager@demo.xuanpin.test', portal: '大区管理', menu: ['首页', '入驻申请', '品牌', '商品', 'SKU', '价格表', '价格查询', '货位图', '货位申请', '货位分配', '货位占用率', '库存余额', '寄售入库', '库存流水', '库存盘点', '库龄分析', '标签模板', '扫码统计', '批发订单', '客户退货', '采购商', '月度结算', '区域对比报表', '中心经营报表', '选品中心', '大区', '机构', '我的账户'] },
  { email: 'gov.viewer@demo.xuanpin.test', portal: '政府监管', menu: ['首页', '货位占用率', '中心经营报表', '选品中心', '本单位', '我的账户'] },
  { email: 'operator.admin@demo.xuanpin.test', portal: '链主运营', menu: ['首页', '入驻审核', '品牌', '商品', 'SKU', '价格表', '价格查询', '货位图', '货位申请', '货位分配', '货位占用率', '库存余额', '寄售入库', '库存流水', '库存盘点', '库存调拨', '库龄分析', '打印标签', '标签模板', '扫码统计', '批发订单', '客户退货', '采购商', '月度结算', '中心经营报表', '选品中心', '用户', '审计日志', '本单位', '我的账户'] },
  { email: 'pricing.reviewer@demo.xuanpin.test', portal: '链主运营', menu: ['首页', '入驻申请', '品牌', '商品', 'SKU', '价格审核', '价格查询', '货位图', '货位申请', '货位分配', '货位占用率', '库存余额', '寄售入库', '库存流水', '库存盘点', '库龄分析', '标签模板', '扫码统计', '批发订单', '客户退货', '采购商', '中心经营报表', '选品中心', '本单位', '我的账户'] },
  { email: 'showroom.staff@demo.xuanpin.test', portal: '链主运营', menu: ['首页', '入驻申请', '商品', 'SKU', '价格查询', '货位图', '货位申请', '货位分配', '货位占用率', '库存余额', '寄售入库', '库存流水', '库存盘点', '库存调拨', '库龄分析', '打印标签', '标签模板', '扫码统计', '批发订单', '客户退货', '采购商', '中心经营报表', '选品中心', '本单位', '我的账户'] },
  { email: 'warehouse.staff@demo.xuanpin.test', portal: '链主运营', menu: ['首页', '入驻申请', '商品', 'SKU', '价格查询', '货位图', '货位申请', '货位分配', '货位占用率', '库存余额', '寄售入库', '库存流水', '库存盘点', '库存调拨', '库龄分析', '标签模板', '扫码统计', '批发订单', '客户退货', '采购商', '中心经营报表', '选品中心', '本单位', '我的账户'] },
  { email: 'factory.admin@demo.xuanpin.test', portal: '工厂门户', menu: ['首页', '我的入驻申请', '品牌', '商品', 'SKU', '批量导入商品', '价格表', '导入价格表', '价格查询', '空闲货位', '货位申请', '我的货位', '我的寄售库存', '寄售入库', '库存流水', '库龄分析', '扫码统计', '订单明细', '月度结算', '我的经营报表', '用户', '本单位', '我的账户'] },
  { email: 'factory2.admin@demo.xuanpin.test', portal: '工厂门户', menu: ['首页', '我的入驻申请', '品牌', '商品', 'SKU', '批量导入商品', '价格表', '导入价格表', '价格查询', '空闲货位', '货位申请', '我的货位', '我的寄售库存', '寄售入库', '库存流水', '库龄分析', '扫码统计', '订单明细', '月度结算', '我的经营报表', '用户', '本单位', '我的账户'] },
  { email: 'operator2.admin@demo.xuanpin.test', portal: '链主运营', menu: ['首页', '入驻审核', '品牌', '商品', 'SKU', '价格表', '价格查询', '货位图', '货位申请', '货位分配', '货位占用率', '库存余额', '寄售入库', '库存流水', '库存盘点', '库存调拨', '库龄分析', '打印标签', '标签模板', '扫码统计', '批发订单', '客户退货', '采购商', '月度结算', '中心经营报表', '选品中心', '用户', '审计日志', '本单位', '我的账户'] },
];

describe('the console in a browser', () => {
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

  it.each(MENUS)('signs in $email and shows its menu and home in Chinese', async ({ email, portal, menu }) => {
    await loginAndWait(page, email);
    expect(await menuLabels(page)).toEqual(menu);
    await expect(page.locator('[data-testid="portal"]').innerText()).resolves.toBe(portal);
    await page.getByText('关键数据').first().waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, `home-${email.split('@')[0]}`);
  });

  it('answers a wrong password with a Chinese message and stays on the sign-in page', async () => {
    await login(page, 'platform.admin@demo.xuanpin.test', 'not-the-password-1');
    const error = page.locator('[data-testid="login-error"]');
    await expect(error.innerText()).resolves.toContain('邮箱或密码不正确');
    expect(await page.locator('input[name="password"]').count()).toBe(1);
    await expectFullyTranslated(page);
  });

  it('lets the platform admin open the venues and a venue with its operator, government and region', async () => {
    await loginAndWait(page, 'platform.admin@demo.xuanpin.test');
    await page.getByRole('menuitem', { name: '选品中心' }).click();
    await page.getByText('ZZ-AIRPORT').waitFor();
    await page.getByText('YK-HARDWARE').waitFor();
    await expectFullyTranslated(page);
    await page.getByText('郑州航空港全品类选品中心').click();
    await page.waitForURL(/\/venues\/[0-9a-f-]{36}\/show$/);
    await page.getByText('郑州空港链主供应链管理有限公司').waitFor();
    await page.getByText('郑州航空港经济综合实验区管理委员会').waitFor();
    await page.getByText('华中华东大区').waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'venue-show');
    // A reload on the venue's own address lands on the same screen (the API serves index.html).
    await page.reload();
    await page.getByText('郑州空港链主供应链管理有限公司').waitFor();
  });

  it('lets the platform admin create a region, which then shows in the list and the audit log', async () => {
    const code = `R${Date.now().toString(36).toUpperCase()}`;
    await loginAndWait(page, 'platform.admin@demo.xuanpin.test');
    await page.getByRole('menuitem', { name: '大区' }).click();
    await page.getByText('CENTRAL-EAST').waitFor();
    await page.getByRole('link', { name: '新建' }).click();
    await page.locator('input[name="code"]').fill(code.toLowerCase());
    await page.locator('input[name="name"]').fill('西北大区');
    await expectFullyTranslated(page);
    await screenshot(page, 'region-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已创建').waitFor();
    await page.getByText(code).waitFor();
    await page.getByText('西北大区').waitFor();

    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByText('新建大区').first().waitFor();
    await page.getByText('新建大区').first().click();
    await page.getByText('变更后').waitFor();
    await page.getByRole('cell', { name: code, exact: true }).waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'audit-log');
  });

  it('answers a duplicate region code with a Chinese message and keeps the form', async () => {
    await loginAndWait(page, 'platform.admin@demo.xuanpin.test');
    await page.goto(`${baseUrl()}/regions/create`);
    await page.locator('input[name="code"]').fill('SOUTH');
    await page.locator('input[name="name"]').fill('重复的大区');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已存在相同的记录').waitFor();
    expect(page.url()).toMatch(/\/regions\/create$/);
    await expectFullyTranslated(page);
  });

  it("shows the API's field error under the input it names (a credit code with a wrong check character)", async () => {
    await loginAndWait(page, 'platform.admin@demo.xuanpin.test');
    await page.goto(`${baseUrl()}/organizations/create`);
    await page.getByLabel('类型').click();
    await page.getByRole('option', { name: '链主运营方' }).click();
    await page.locator('input[name="name"]').fill('测试链主有限公司');
    // 17 characters of a real code plus a wrong check character.
    await page.locator('input[name="creditCode"]').fill('91410100MA9KX3L2QA');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('校验位（最后一位）不正确').first().waitFor();
    expect(page.url()).toMatch(/\/organizations\/create$/);
    await expectFullyTranslated(page);
  });

  it('shows a factory user only its portal: its own organization, no venues, no other factory', async () => {
    await loginAndWait(page, 'factory.admin@demo.xuanpin.test');
    await page.locator('[data-testid="own-organization"]').getByText('河南豫暖针织服饰有限公司').waitFor();
    const menu = await menuLabels(page);
    for (const hidden of ['选品中心', '机构', '大区', '审计日志']) expect(menu).not.toContain(hidden);

    await page.getByRole('menuitem', { name: '本单位' }).click();
    await page.waitForURL(/\/organizations\/[0-9a-f-]{36}\/show$/);
    await page.getByText('河南豫暖针织服饰有限公司').first().waitFor();
    await page.getByText('91410183MA45TR8K6').first().waitFor();
    await expectFullyTranslated(page);

    // The operator's screens are not there for a factory, even by address.
    await page.goto(`${baseUrl()}/venues`);
    await page.locator('#main-content').waitFor();
    await page.waitForLoadState('networkidle');
    const venuesText = await page.locator('body').innerText();
    expect(venuesText).not.toContain('ZZ-AIRPORT');
    expect(venuesText).not.toContain('YK-HARDWARE');

    // Its users list holds only its own people.
    await page.goto(`${baseUrl()}/users`);
    await page.getByText('factory.admin@demo.xuanpin.test').waitFor();
    const usersText = await page.locator('body').innerText();
    expect(usersText).not.toContain('factory2.admin@demo.xuanpin.test');
    expect(usersText).not.toContain('operator.admin@demo.xuanpin.test');
    await expectFullyTranslated(page);
  });

  it('lets the platform admin create a user with a role, then deactivate and reactivate it', async () => {
    const email = `showroom.${Date.now()}@demo.xuanpin.test`;
    await loginAndWait(page, 'platform.admin@demo.xuanpin.test');
    await page.getByRole('menuitem', { name: '用户' }).click();
    await page.getByRole('link', { name: '新建' }).click();
    await page.locator('input[name="displayName"]').fill('展厅新人 钱多');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('Showroom-2026');
    await page.getByLabel('机构').fill('郑州空港');
    await page.getByRole('option', { name: '郑州空港链主供应链管理有限公司' }).click();
    await page.getByLabel('角色', { exact: true }).click();
    await page.getByRole('option', { name: '展厅专员' }).click();
    await expectFullyTranslated(page);
    await screenshot(page, 'user-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/users\/[0-9a-f-]{36}\/show$/);
    await page.getByText(email).waitFor();
    await page.getByText('展厅专员').first().waitFor();

    await page.getByRole('button', { name: '停用' }).click();
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('账号已停用').waitFor();
    await page.getByText('已停用', { exact: true }).waitFor();
    await page.getByRole('button', { name: '启用' }).click();
    await page.getByText('账号已启用').waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'user-show');
  });

  it('lets a user change its password on "my account" and sign in with the new one', async () => {
    // A user of its own, so that the demo logins keep their password.
    const email = `account.${Date.now()}@demo.xuanpin.test`;
    await loginAndWait(page, 'operator.admin@demo.xuanpin.test');
    await page.goto(`${baseUrl()}/users/create`);
    await page.locator('input[name="displayName"]').fill('仓库新人 孙强');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('First-pass-2026');
    await page.getByLabel('角色', { exact: true }).click();
    await page.getByRole('option', { name: '仓库专员' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/users\/[0-9a-f-]{36}\/show$/);
    await context.clearCookies();
    await page.evaluate(() => (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear());

    await login(page, email, 'First-pass-2026');
    await page.locator('[data-portal]').waitFor();
    await page.getByRole('menuitem', { name: '我的账户' }).click();
    await page.getByText('仓库新人 孙强').first().waitFor();
    await page.locator('input[name="currentPassword"]').fill('wrong-pass-2026');
    await page.locator('input[name="newPassword"]').fill('Second-pass-2026');
    await page.locator('input[name="confirmPassword"]').fill('Second-pass-2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('当前密码不正确').first().waitFor();
    await page.locator('input[name="currentPassword"]').fill('First-pass-2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改').waitFor();
    await expectFullyTranslated(page);
    await screenshot(page, 'account');

    await page.evaluate(() => (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear());
    await login(page, email, 'First-pass-2026');
    await page.locator('[data-testid="login-error"]').waitFor();
    await login(page, email, 'Second-pass-2026');
    await page.locator('[data-portal]').waitFor();
  });

  it('switches to English and back', async () => {
    await loginAndWait(page, 'operator.admin@demo.xuanpin.test');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Selection centers' }).waitFor();
    await page.getByText('Key figures').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await page.getByRole('menuitem', { name: '选品中心' }).waitFor();
  });
});
