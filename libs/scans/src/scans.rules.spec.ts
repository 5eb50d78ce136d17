import { buildListing, listingCsv, LISTING_CSV_COLUMNS, MAX_TIERS } from './listing';
import { escapeHtml } from './scans.rules';
import { notFoundPageHtml, retiredPageHtml, scanPageHtml } from './scan-page.html';
import {
  availabilityOf,
  Availability,
  csvCell,
  deviceCookieOf,
  deviceHash,
  groupingAllowedForGovernment,
  newDeviceCookie,
  rate,
  ScanGroupBy,
  suggestedRetailPrice,
} from './scans.rules';
import { ScanView } from './scan-view';

const VIEW: ScanView = {
  labelId: 'l1',
  code: '7K3M9QX2TB4H',
  status: 'POSTED',
  stale: false,
  staleReason: null,
  venueId: 'v1',
  venueCode: 'ZZ-AIRPORT',
  venueName: '郑州空港选品中心',
  slotId: 's1',
  slotCode: 'A-01-2',
  zoneName: '服装针织区',
  skuId: 'k1',
  skuCode: 'YN-SC-001-RED',
  gtin: '6923456700012',
  attributes: { 颜色: '中国红', 尺码: '均码' },
  unit: '条',
  packSize: 6,
  moq: 12,
  weightGrams: 180,
  title: '豫暖羊毛针织围巾 <限量>',
  titleEn: 'Yunuan wool scarf',
  description: '70%羊毛',
  imageCount: 2,
  categoryCode: 'APPAREL-SCARF',
  categoryName: '围巾',
  brandName: '豫暖',
  factoryOrgId: 'f1',
  factoryName: '河南豫暖针织服饰有限公司',
  available: 200,
  price: {
    versionId: 'pv1',
    sheetVersionNo: 3,
    effectiveFrom: '2026-11-01',
    wholesaleTiers: [
      { minQuantity: 12, unitPrice: 1850 },
      { minQuantity: 60, unitPrice: 1700 },
    ],
    retailPrice: 3900,
    floorPrice: null,
  },
};

describe('scan page rules', () => {
  it('tells availability without numbers: out below one MOQ, low below five, in stock otherwise', () => {
    expect(availabilityOf(0, 12)).toBe(Availability.OUT);
    expect(availabilityOf(11, 12)).toBe(Availability.OUT);
    expect(availabilityOf(12, 12)).toBe(Availability.LOW);
    expect(availabilityOf(59, 12)).toBe(Availability.LOW);
    expect(availabilityOf(60, 12)).toBe(Availability.IN_STOCK);
    expect(availabilityOf(-3, 0)).toBe(Availability.OUT);
  });

  it('never suggests a retail price below an approved floor', () => {
    expect(suggestedRetailPrice(3900, null)).toBe(3900);
    expect(suggestedRetailPrice(3900, 3500)).toBe(3900);
    expect(suggestedRetailPrice(3900, 4200)).toBe(4200);
  });

  it('hashes a device cookie with a key: stable, 128 bits, and unrelated across keys', () => {
    const cookie = newDeviceCookie();
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(deviceHash('k1', cookie)).toMatch(/^[0-9a-f]{32}$/);
    expect(deviceHash('k1', cookie)).toBe(deviceHash('k1', cookie));
    expect(deviceHash('k2', cookie)).not.toBe(deviceHash('k1', cookie));
    expect(deviceHash('k1', newDeviceCookie())).not.toBe(deviceHash('k1', cookie));
  });

  it('reads the device cookie among others and ignores a forged value', () => {
    const cookie = newDeviceCookie();
    expect(deviceCookieOf(`a=1; xp_did=${cookie}; b=2`)).toBe(cookie);
    expect(deviceCookieOf('xp_did=<script>')).toBeNull();
    expect(deviceCookieOf(undefined)).toBeNull();
  });

  it('lets government viewers group by day only', () => {
    expect(Object.values(ScanGroupBy).filter(groupingAllowedForGovernment)).toEqual([ScanGroupBy.DAY]);
  });

  it('computes rates to four decimals, zero over nothing', () => {
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(5, 0)).toBe(0);
  });

  it('escapes HTML and defuses spreadsheet formulas in CSV cells', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(null)).toBe('');
  });
});

describe('the scan page', () => {
  it('shows wholesale tiers, MOQ, pack, stock, slot and factory, escaped, and no stale banner when current', () => {
    const html = scanPageHtml(VIEW);
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('豫暖羊毛针织围巾 &lt;限量&gt;');
    expect(html).not.toContain('<限量>');
    expect(html).toContain('¥18.50');
    expect(html).toContain('¥17.00');
    expect(html).toContain('12–59 条');
    expect(html).toContain('≥ 60 条');
    expect(html).toContain('起批量 <b>12</b> 条');
    expect(html).toContain('每包 6 条');
    expect(html).toContain('现货充足');
    expect(html).toContain('A-01-2');
    expect(html).toContain('河南豫暖针织服饰有限公司');
    expect(html).toContain('/s/7K3M9QX2TB4H/images/1');
    expect(html).not.toContain('标签已过期');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('says the label is out of date when it is stale', () => {
    expect(scanPageHtml({ ...VIEW, stale: true, staleReason: 'PRICE_CHANGED' })).toContain('标签已过期');
  });

  it('answers retired and unknown codes with friendly Chinese pages', () => {
    expect(retiredPageHtml('A-01-2')).toContain('此标签已更换');
    expect(notFoundPageHtml()).toContain('未找到该商品');
  });
});

describe('the listing export', () => {
  const now = new Date('2026-11-25T02:00:00Z');

  it('carries title, images, attributes, SKU, GTIN, MOQ, pack, wholesale tiers and the suggested retail price', () => {
    const listing = buildListing(VIEW, 'https://xp.example.cn', now);
    expect(listing).toMatchObject({
      format: 'xuanpin.listing',
      version: 1,
      source: { scanCode: '7K3M9QX2TB4H', scanUrl: 'https://xp.example.cn/s/7K3M9QX2TB4H', slotCode: 'A-01-2' },
      product: { title: VIEW.title, images: ['https://xp.example.cn/s/7K3M9QX2TB4H/images/1', 'https://xp.example.cn/s/7K3M9QX2TB4H/images/2'] },
      sku: { code: 'YN-SC-001-RED', gtin: '6923456700012', moq: 12, packSize: 6, attributes: { 颜色: '中国红', 尺码: '均码' } },
      pricing: {
        currency: 'CNY',
        wholesaleTiers: [
          { minQuantity: 12, unitPrice: '18.50' },
          { minQuantity: 60, unitPrice: '17.00' },
        ],
        suggestedRetailPrice: '39.00',
        priceFloor: null,
      },
      availability: 'IN_STOCK',
    });
    expect(JSON.stringify(listing)).not.toMatch(/supply/i);
  });

  it('raises the suggested retail price to the floor, never below it', () => {
    const listing = buildListing({ ...VIEW, price: { ...VIEW.price!, floorPrice: 4500 } }, 'https://xp.example.cn', now);
    expect(listing.pricing).toMatchObject({ suggestedRetailPrice: '45.00', priceFloor: '45.00' });
  });

  it('writes one CSV row under the documented headers, with a BOM and CRLF', () => {
    const csv = listingCsv(buildListing(VIEW, 'https://xp.example.cn', now));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, row, end] = csv.slice(1).split('\r\n');
    expect(header.split(',')).toEqual([...LISTING_CSV_COLUMNS]);
    expect(LISTING_CSV_COLUMNS.filter((c) => c.includes('批发价'))).toHaveLength(MAX_TIERS);
    expect(row).toContain('YN-SC-001-RED');
    expect(row).toContain('18.50');
    expect(row).toContain('颜色:中国红; 尺码:均码');
    expect(end).toBe('');
  });
});
