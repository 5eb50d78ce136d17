import { sampleLabel, SPECS } from '../../../../test/labels/support/samples';
import { renderLabels } from './render';
import { LabelFormat } from './types';
import { DEFAULT_ZPL_FONT, qrModulesFor, zplField } from './zpl';

/** The ^XA…^XZ formats of a ZPL file, checking nothing lies outside them. */
function formats(zpl: string): string[] {
  const blocks = zpl.match(/\^XA[\s\S]*?\^XZ/g) ?? [];
  expect(zpl.replace(/\^XA[\s\S]*?\^XZ/g, '').trim()).toBe('');
  for (const block of blocks) {
    expect(block.slice(3).includes('^XA')).toBe(false);
    // Every command is a caret, two letters or digits / @, and its parameters; fields close with ^FS.
    expect((block.match(/\^FD/g) ?? []).length).toBe((block.match(/\^FS/g) ?? []).length);
  }
  return blocks;
}

describe('ZPL labels', () => {
  it('writes one well-formed format per label with a printer-drawn QR of the scan URL', async () => {
    const labels = [0, 1, 2].map((i) => sampleLabel(i));
    const out = await renderLabels(SPECS['ROLL-50X30'], labels, LabelFormat.ZPL);
    expect(out).toMatchObject({ mimeType: 'application/vnd.zebra.zpl', fileExtension: 'zpl', labelCount: 3 });
    const blocks = formats(out.content.toString('utf8'));
    expect(blocks).toHaveLength(3);
    blocks.forEach((block, i) => {
      expect(block).toContain('^CI28');
      expect(block).toContain('^PW400'); // 50 mm at 8 dots/mm
      expect(block).toContain('^LL240');
      expect(block).toMatch(new RegExp(`\\^BQN,2,\\d+\\^FH\\^FDMA,${labels[i].scanUrl.replace(/[.]/g, '\\.')}\\^FS`));
      expect(block).toContain(`^A@N,`);
      expect(block).toContain(`,${DEFAULT_ZPL_FONT}^FH^FD${labels[i].title}^FS`);
      expect(block).toContain('1-9件 ¥28.5');
    });
  });

  it('keeps the QR inside the label at the integer magnification the printer uses', async () => {
    for (const code of Object.keys(SPECS)) {
      const template = SPECS[code];
      const out = (await renderLabels(template, [sampleLabel(0)], LabelFormat.ZPL)).content.toString('utf8');
      const [, x, y, magnification] = /\^FO(\d+),(\d+)\^BQN,2,(\d+)/.exec(out)!.map(Number);
      const dpmm = template.zplDpi === 203 ? 8 : 12;
      const size = qrModulesFor(sampleLabel(0).scanUrl) * magnification;
      expect(magnification).toBeGreaterThanOrEqual(2);
      expect(x + size).toBeLessThanOrEqual(template.widthMm * dpmm);
      expect(y + size).toBeLessThanOrEqual(template.heightMm * dpmm);
    }
  });

  it('writes 300 dpi formats at 12 dots per millimetre', async () => {
    const out = (await renderLabels(SPECS['ROLL-70X50'], [sampleLabel(0)], LabelFormat.ZPL)).content.toString('utf8');
    expect(out).toContain('^PW840');
    expect(out).toContain('^LL600');
    const at203 = (await renderLabels(SPECS['ROLL-70X50'], [sampleLabel(0)], LabelFormat.ZPL, { zplDpi: 203 })).content.toString('utf8');
    expect(at203).toContain('^PW560');
  });

  it('prints the SKU barcode with ^BC (Code 128) or ^BE (EAN-13, 12 digits: the printer adds the check digit)', async () => {
    const code128 = (await renderLabels(SPECS['ROLL-60X40'], [sampleLabel(4)], LabelFormat.ZPL)).content.toString('utf8');
    expect(code128).toMatch(/\^BY\d\^FO\d+,\d+\^BCN,\d+,N,N,N,A\^FH\^FDYN-PJ-0005\^FS/);
    const ean = (await renderLabels(SPECS['ROLL-70X50'], [sampleLabel(4, { gtin: '6901234567892' })], LabelFormat.ZPL)).content.toString('utf8');
    expect(ean).toMatch(/\^BY\d\^FO\d+,\d+\^BEN,\d+,N,N\^FH\^FD690123456789\^FS/);
  });

  it('uses the configured printer font and escapes caret, tilde and underscore in text', async () => {
    const out = (
      await renderLabels(SPECS['ROLL-50X30'], [sampleLabel(0, { title: '特价^XZ~JA_睡衣' })], LabelFormat.ZPL, { zplFontName: 'E:SIMSUN.TTF' })
    ).content.toString('utf8');
    expect(formats(out)).toHaveLength(1);
    expect(out).toContain('^A@N,');
    expect(out).toContain(',E:SIMSUN.TTF^FH^FD特价_5EXZ_7EJA_5F睡衣^FS');
    expect(out).not.toContain(DEFAULT_ZPL_FONT);
    expect(zplField('a^b~c_d\ne')).toBe('a_5Eb_7Ec_5Fd e');
  });

  it('prints a sheet template label by label (a thermal printer feeds a roll)', async () => {
    const out = await renderLabels(SPECS['A4-3X8'], Array.from({ length: 5 }, (_, i) => sampleLabel(i)), LabelFormat.ZPL);
    expect(formats(out.content.toString('utf8'))).toHaveLength(5);
  });
});
