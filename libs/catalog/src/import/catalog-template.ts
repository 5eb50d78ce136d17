import { buildTemplateWorkbook, headerText, RequestContext } from '@xp/core';
import { CATALOG_COLUMNS, CATALOG_MAX_ROWS, CatalogColumn } from './catalog-import.rules';

const RULES: Record<CatalogColumn, string> = {
  titleZh: '必填。中文商品标题，最多120字。标题相同的行属于同一商品（每行一个SKU）。 Required; rows with the same title are one product.',
  titleEn: '选填。英文标题，最多200字。 Optional English title.',
  categoryCode: '必填。末级类目编码，见“类目(Categories)”表。 Required: a leaf category code from the Categories sheet.',
  brand: '选填。已申报的自有品牌名称（被驳回的品牌不可用）。 Optional: one of your declared brands.',
  description: '选填。商品描述，最多5000字。 Optional description.',
  skuCode: '必填。SKU编码（货号），工厂内唯一；字母、数字、. _ / -。 Required, unique within your factory.',
  gtin: '选填。13位商品条码（EAN-13），校验位须正确。 Optional GTIN-13 with a valid check digit.',
  color: '选填。颜色，如“红色”。 Optional colour.',
  size: '选填。尺码，如“M”或“20寸”。 Optional size.',
  otherAttributes: '选填。其他属性，写作“名称:值; 名称:值”，如“材质:羊毛; 款式:长款”。 Optional, "name:value; name:value".',
  unit: '选填。销售单位，默认“件”。 Optional unit, default 件.',
  packSize: '选填。每包件数，整数，默认1。 Optional units per pack, default 1.',
  moq: '选填。起批量，必须是每包数量的整数倍，默认一包。 Optional MOQ, a multiple of the pack size.',
  weightGrams: '选填。单件重量（克），整数。 Optional weight in grams.',
};

/** The catalog import template: data sheet, instructions, and the category codes. */
export async function catalogTemplate(ctx: RequestContext): Promise<Buffer> {
  const categories: { code: string; name_zh: string; name_en: string | null; parent: string | null; leaf: boolean }[] =
    await ctx.manager.query(
      `SELECT c.code, c.name_zh, c.name_en, p.code AS parent,
              NOT EXISTS (SELECT 1 FROM categories k WHERE k.parent_id = c.id) AS leaf
       FROM categories c LEFT JOIN categories p ON p.id = c.parent_id
       WHERE c.active ORDER BY COALESCE(p.sort_order, c.sort_order), COALESCE(p.code, c.code), c.parent_id NULLS FIRST, c.sort_order`,
    );
  return buildTemplateWorkbook({
    dataSheet: '商品(Products)',
    columns: CATALOG_COLUMNS,
    sheets: [
      {
        name: '说明(Instructions)',
        widths: [26, 100],
        rows: [
          ['商品导入说明 (Catalog import)', ''],
          ['', `在“商品(Products)”表中每行填写一个SKU，第一行为表头，最多${CATALOG_MAX_ROWS}行。任何一行有错误时整个文件都不会导入，系统会列出每个错误所在的行和列。`],
          ['', `One SKU per row of the Products sheet, header in row 1, at most ${CATALOG_MAX_ROWS} rows. If any row is wrong nothing is imported and every problem is listed by row and column.`],
          ['', '也可上传UTF-8或GBK编码的CSV文件，表头相同。 A CSV (UTF-8 or GBK) with the same headers works too.'],
          ['', ''],
          ['列 (column)', '规则 (rule)'],
          ...CATALOG_COLUMNS.map((c) => [headerText(c), RULES[c.key]]),
          ['', ''],
          ['示例 (example)', '羊毛针织围巾 | APPAREL-SCARF | 豫暖 | YN-SC-001-RED | 6901234567892 | 红色 | 均码 | 材质:羊毛 | 条 | 6 | 12 | 180'],
        ],
      },
      {
        name: '类目(Categories)',
        widths: [22, 16, 30, 18, 10],
        rows: [
          ['类目编码(code)', '名称(nameZh)', '英文名(nameEn)', '上级(parent)', '可用(leaf)'],
          ...categories.map((c) => [c.code, c.name_zh, c.name_en, c.parent, c.leaf ? '是 yes' : '否 no (use a subcategory)']),
        ],
      },
    ],
  });
}
