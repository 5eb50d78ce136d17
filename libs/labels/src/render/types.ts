/**
 * The rendering engine's vocabulary. Plain data only (no classes, no Nest, no database), so
 * that a template and its labels can be handed to a worker thread as they are.
 */

/** What a label may print besides its QR code. */
export enum LabelField {
  TITLE = 'TITLE',
  SKU_CODE = 'SKU_CODE',
  FACTORY = 'FACTORY',
  MOQ = 'MOQ',
  TIER_PRICES = 'TIER_PRICES',
  RETAIL_PRICE = 'RETAIL_PRICE',
  SLOT_CODE = 'SLOT_CODE',
  /** The price version and print date: what ties the paper to the price it shows. */
  PRICE_VERSION = 'PRICE_VERSION',
}

/** ROLL: one label per page at the label's size (thermal roll printers). SHEET: a grid on a page (A4 laser sheets). */
export enum LabelLayout {
  ROLL = 'ROLL',
  SHEET = 'SHEET',
}

/** The symbology of the scan code. Only QR for now: phones read it, and ZPL draws it natively (^BQ). */
export enum ScanSymbology {
  QR = 'QR',
}

/** An optional 1D barcode of the SKU for handheld scanners. */
export enum SkuBarcode {
  NONE = 'NONE',
  /** Code 128 of the SKU code. */
  CODE128 = 'CODE128',
  /** EAN-13 of the SKU's GTIN (labels without a GTIN fall back to Code 128 of the SKU code). */
  EAN13 = 'EAN13',
}

export enum LabelFormat {
  PDF = 'PDF',
  ZPL = 'ZPL',
  SVG = 'SVG',
}

/** How labels sit on a sheet page (SHEET layout only). Lengths in millimetres. */
export interface SheetSpec {
  pageWidthMm: number;
  pageHeightMm: number;
  columns: number;
  rows: number;
  marginTopMm: number;
  marginLeftMm: number;
  /** Horizontal gap between columns. */
  gapXMm: number;
  /** Vertical gap between rows. */
  gapYMm: number;
}

/** What the renderer needs of a template; the `LabelTemplate` entity satisfies it. */
export interface LabelTemplateSpec {
  code: string;
  widthMm: number;
  heightMm: number;
  layout: LabelLayout;
  /** Required for SHEET, ignored for ROLL. */
  sheet?: SheetSpec | null;
  fields: readonly LabelField[];
  symbology: ScanSymbology;
  barcode: SkuBarcode;
  /** Printer resolution the ZPL is written for. */
  zplDpi: 203 | 300;
}

export interface WholesaleTier {
  /** From this quantity (in units) upward. */
  minQuantity: number;
  unitPriceFen: number;
}

/** Everything one printed label shows. Money is integer fen. */
export interface LabelData {
  /** What the QR code encodes: `${PUBLIC_BASE_URL}/s/<code>`. */
  scanUrl: string;
  /** Product title, usually Chinese. */
  title: string;
  skuCode: string;
  /** GTIN-13 for an EAN-13 barcode. */
  gtin?: string | null;
  factoryName: string;
  /** Minimum order quantity in units. */
  moq: number;
  /** 件, 双, 箱… */
  unit: string;
  packSize: number;
  /** Wholesale tiers, any order; printed from the lowest quantity. */
  tiers: readonly WholesaleTier[];
  retailPriceFen?: number | null;
  slotCode?: string | null;
  /** A short label of the price version, e.g. "v3" or "P-2025-11-25#2". */
  priceVersion?: string | null;
  /** Business day or instant the label was printed; shown as YYYY-MM-DD. */
  printedAt?: string | Date | null;
}

export interface RenderOptions {
  /** ZPL: the printer-resident CJK font used with ^A@ (default `E:SIMSUN.TTF`). */
  zplFontName?: string;
  /** ZPL: overrides the template's dpi. */
  zplDpi?: 203 | 300;
  /** SVG: which page to preview, from 1 (default 1). */
  page?: number;
}

export interface RenderedLabels {
  format: LabelFormat;
  mimeType: string;
  fileExtension: 'pdf' | 'zpl' | 'svg';
  content: Buffer;
  labelCount: number;
  /** Pages in the whole output (for SVG: of the full job, of which one is shown). */
  pageCount: number;
  /**
   * What did not fit on at least one label and was left off (field names, or BARCODE when the
   * 1D barcode would have been too narrow to scan), so the console can warn before printing.
   */
  omitted: string[];
}
