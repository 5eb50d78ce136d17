import { formatYuan } from '@xp/core';
import { availabilityOf, AVAILABILITY_ZH, escapeHtml as e } from './scans.rules';
import { ScanView } from './scan-view';

/** Tiny inline CSS, mobile first; no external assets, no script. */
const STYLE = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#f5f5f5}
main{max-width:32rem;margin:0 auto;background:#fff;min-height:100vh;padding:0 0 1.5rem}
.img{display:block;width:100%;max-height:60vh;object-fit:contain;background:#eee}
.box{padding:.75rem 1rem}h1{font-size:1.2rem;margin:.25rem 0}
.warn{background:#fff3cd;color:#7a4b00;border-left:4px solid #e0a800;padding:.6rem 1rem;font-weight:600}
.muted{color:#666;font-size:.9rem}table{width:100%;border-collapse:collapse;margin:.5rem 0}
td,th{padding:.4rem .25rem;border-bottom:1px solid #eee;text-align:left}td.p{text-align:right;color:#c00;font-weight:700;font-size:1.1rem}
.tag{display:inline-block;padding:.1rem .5rem;border-radius:1rem;background:#e8f5e9;color:#1b5e20;font-size:.9rem}
.tag.LOW{background:#fff8e1;color:#8d6e00}.tag.OUT{background:#fdecea;color:#b71c1c}
.btns{display:flex;gap:.5rem;padding:.5rem 1rem}.btns a{flex:1;text-align:center;padding:.7rem;border-radius:.5rem;background:#ff6a00;color:#fff;text-decoration:none;font-weight:600}
.btns a.alt{background:#fff;color:#ff6a00;border:1px solid #ff6a00}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${e(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

const yuan = (fen: number) => `¥${formatYuan(fen)}`;

/** The buyer's page for a live label: product, wholesale tiers, MOQ, pack, stock, slot, factory. */
export function scanPageHtml(view: ScanView): string {
  const base = `/s/${encodeURIComponent(view.code)}`;
  const availability = availabilityOf(view.available, view.moq);
  const warn = view.stale
    ? `<div class="warn" role="alert">标签已过期：${
        view.staleReason === 'SLOT_CHANGED' ? '该货位已更换商品，' : '价格已更新，'
      }以下为当前价格。工作人员已收到提醒，将尽快更换标签。</div>`
    : '';
  const image = view.imageCount > 0 ? `<img class="img" src="${e(base)}/images/1" alt="${e(view.title)}">` : '';
  const attributes = Object.entries(view.attributes)
    .map(([k, v]) => `${e(k)}：${e(v)}`)
    .join('　');
  const tiers = view.price
    ? view.price.wholesaleTiers
        .map((t, i, all) => {
          const next = all[i + 1];
          const range = next ? `${t.minQuantity}–${next.minQuantity - 1}` : `≥ ${t.minQuantity}`;
          return `<tr><td>${e(range)} ${e(view.unit)}</td><td class="p">${e(yuan(t.unitPrice))}</td></tr>`;
        })
        .join('')
    : '<tr><td colspan="2">价格待更新</td></tr>';
  const retail = view.price ? `<div class="muted">建议零售价 ${e(yuan(view.price.retailPrice))}</div>` : '';
  const body = `${warn}${image}<div class="box"><h1>${e(view.title)}</h1>
<div class="muted">${e(view.factoryName)}${view.brandName ? ` · 品牌 ${e(view.brandName)}` : ''}</div>
<div class="muted">货号 ${e(view.skuCode)}${attributes ? `　${attributes}` : ''}</div></div>
<div class="box"><table><thead><tr><th>采购数量</th><th style="text-align:right">批发价</th></tr></thead><tbody>${tiers}</tbody></table>${retail}
<div>起批量 <b>${e(view.moq)}</b> ${e(view.unit)} · 每包 ${e(view.packSize)} ${e(view.unit)}</div>
<div>库存 <span class="tag ${availability}">${e(AVAILABILITY_ZH[availability])}</span></div></div>
<div class="box muted">货位 ${e(view.slotCode)}（${e(view.zoneName)}）· ${e(view.venueName)}${
    view.price ? `<br>价格版本 V${e(view.price.sheetVersionNo)} · ${e(view.price.effectiveFrom)} 起生效` : ''
  }</div>
<div class="btns"><a href="${e(base)}/listing.json" download>一键铺货（JSON）</a><a class="alt" href="${e(base)}/listing.csv" download>表格（CSV）</a></div>`;
  return page(`${view.title} · ${view.venueName}`, body);
}

/** A retired label: friendly, in Chinese, and it says what to do. */
export function retiredPageHtml(slotCode: string): string {
  return page(
    '标签已更换',
    `<div class="box"><h1>此标签已更换</h1><p>货位 ${e(slotCode)} 的标签已换新，请扫描货架上的新标签查看最新商品和价格。</p></div>`,
  );
}

/** An unknown code. */
export function notFoundPageHtml(): string {
  return page('未找到商品', `<div class="box"><h1>未找到该商品</h1><p>二维码无效或已停用，请扫描货架上的标签，或咨询现场工作人员。</p></div>`);
}

export function rateLimitedPageHtml(seconds: number): string {
  return page('请稍后再试', `<div class="box"><h1>访问过于频繁</h1><p>请 ${e(seconds)} 秒后再试。</p></div>`);
}
