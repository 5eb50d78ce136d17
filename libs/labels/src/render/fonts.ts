import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/**
 * The CJK font of PDF and SVG labels: Noto Sans SC (Noto Sans CJK, "Noto Sans S Chinese", about
 * 30,000 glyphs, SIL OFL 1.1) from the npm package `@embedpdf/fonts-sc`, so that a fresh machine
 * without system CJK fonts prints Chinese. pdfkit embeds only the glyphs used (a subset).
 */
export const CJK_FONT_PACKAGE = '@embedpdf/fonts-sc';
export const CJK_FONT_FAMILY = 'Noto Sans SC';
export const CJK_FONT_FILES = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } as const;

export type FontWeight = keyof typeof CJK_FONT_FILES;

/** Measures text: its width in millimetres at a font size in millimetres. */
export type TextMeasure = (text: string, sizeMm: number) => number;

interface LoadedFont {
  bytes: Buffer;
  unitsPerEm: number;
  advance(codePoint: number): number;
}

const loaded = new Map<FontWeight, LoadedFont>();

export function cjkFontPath(weight: FontWeight): string {
  // The package exports only its JavaScript entry (dist/index.cjs); the fonts sit beside dist/.
  return join(dirname(require.resolve(CJK_FONT_PACKAGE)), '..', 'fonts', CJK_FONT_FILES[weight]);
}

/** The font file, read once per process (or worker). */
export function cjkFont(weight: FontWeight): LoadedFont {
  let font = loaded.get(weight);
  if (!font) {
    const bytes = readFileSync(cjkFontPath(weight));
    const parsed = fontkit.create(bytes) as fontkit.Font;
    const widths = new Map<number, number>();
    font = {
      bytes,
      unitsPerEm: parsed.unitsPerEm,
      advance(codePoint: number): number {
        let width = widths.get(codePoint);
        if (width === undefined) {
          width = parsed.glyphForCodePoint(codePoint).advanceWidth;
          widths.set(codePoint, width);
        }
        return width;
      },
    };
    loaded.set(weight, font);
  }
  return font;
}

/** Widths from the font's own advance widths (what pdfkit draws, without kerning). */
export function fontMeasure(weight: FontWeight): TextMeasure {
  const font = cjkFont(weight);
  return (text, sizeMm) => {
    let units = 0;
    for (const ch of text) units += font.advance(ch.codePointAt(0)!);
    return (units / font.unitsPerEm) * sizeMm;
  };
}

/**
 * Widths as a printer-resident CJK font draws them with ^A@ at width = height: East Asian
 * wide characters take a full em, the rest half an em. Conservative for proportional fonts.
 */
export const printerFontMeasure: TextMeasure = (text, sizeMm) => {
  let ems = 0;
  for (const ch of text) ems += isWide(ch.codePointAt(0)!) ? 1 : 0.5;
  return ems * sizeMm;
};

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x20000 ||
    cp === 0x2265 // ≥ is drawn wide by CJK fonts
  );
}
