import type { Widen } from '../types';

/** Labels: templates now; print jobs land with the labels area. */
export const labelsZh = {
  enums: {
    LabelLayout: { ROLL: '卷筒标签', SHEET: 'A4 不干胶' },
    LabelField: {
      TITLE: '标题',
      TIER_PRICES: '阶梯批发价',
      RETAIL_PRICE: '零售价',
      MOQ: '起批量',
      SKU_CODE: 'SKU 编码',
      FACTORY: '工厂',
      SLOT_CODE: '货位',
      PRICE_VERSION: '价格版本',
    },
    SkuBarcode: { NONE: '无', CODE128: 'Code 128', EAN13: 'EAN-13' },
  },
  xp: {
    labels: {
      global: '通用模板',
      venue_own: '本中心模板',
      per_sheet: '每页 %{columns} × %{rows}',
      per_roll: '每张 1 个',
      print_title: '打印货架标签',
      print_later: '按区域、货架或“待更换”挑选标签，预览后打印 PDF 或下载 ZPL，以及补打队列——正在开发，上线后在这里使用。现在可以先查看标签模板。',
      see_templates: '查看标签模板',
    },
  },
  resources: {
    labelTemplates: {
      name: '标签模板',
      fields: {
        code: '编码',
        name: '名称',
        widthMm: '尺寸',
        layout: '版式',
        labelsPerPage: '排版',
        fields: '打印内容',
        barcode: '条码',
        zplDpi: 'ZPL 分辨率（dpi）',
        venueId: '适用范围',
        includeInactive: '含已停用',
      },
    },
  },
};

export const labelsEn: Widen<typeof labelsZh> = {
  enums: {
    LabelLayout: { ROLL: 'Roll', SHEET: 'A4 sheet' },
    LabelField: {
      TITLE: 'Title',
      TIER_PRICES: 'Tier prices',
      RETAIL_PRICE: 'Retail price',
      MOQ: 'MOQ',
      SKU_CODE: 'SKU code',
      FACTORY: 'Factory',
      SLOT_CODE: 'Slot',
      PRICE_VERSION: 'Price version',
    },
    SkuBarcode: { NONE: 'None', CODE128: 'Code 128', EAN13: 'EAN-13' },
  },
  xp: {
    labels: {
      global: 'Global',
      venue_own: 'This venue’s',
      per_sheet: '%{columns} × %{rows} a page',
      per_roll: 'One a label',
      print_title: 'Print shelf labels',
      print_later: 'Picking labels by zone, shelf or stale-only, the preview, PDF and ZPL, and the reprint queue are being built and will be here. The templates can be seen now.',
      see_templates: 'See the templates',
    },
  },
  resources: {
    labelTemplates: {
      name: 'Label template |||| Label templates',
      fields: {
        code: 'Code',
        name: 'Name',
        widthMm: 'Size',
        layout: 'Layout',
        labelsPerPage: 'Per page',
        fields: 'Printed',
        barcode: 'Barcode',
        zplDpi: 'ZPL dpi',
        venueId: 'Scope',
        includeInactive: 'Include retired',
      },
    },
  },
};
