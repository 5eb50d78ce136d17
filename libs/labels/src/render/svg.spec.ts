import { SaxesParser } from 'saxes';
import { decodeQr, rasterizeSvg } from '../../../../test/labels/support/raster';
import { sampleLabel, SPECS } from '../../../../test/labels/support/samples';
import { LabelRenderError } from './errors';
import { placement } from './geometry';
import { renderLabels } from './render';
import { LabelFormat } from './types';

/** Parses with a strict XML parser (throws on anything not well-formed); answers the text content. */
function parseXml(xml: string): { root: string; text: string } {
  const parser = new SaxesParser();
  let root = '';
  let text = '';
  parser.on('opentag', (tag) => (root ||= tag.name));
  parser.on('text', (t) => (text += t));
  parser.write(xml).close();
  return { root, text };
}

describe('SVG preview', () => {
  it('previews a roll label as well-formed SVG at its size, with the title and a decodable QR', async () => {
    const label = sampleLabel(2, { title: '儿童<保暖>睡衣 & 家居服' });
    const out = await renderLabels(SPECS['ROLL-50X30'], [label], LabelFormat.SVG);
    expect(out).toMatchObject({ mimeType: 'image/svg+xml', fileExtension: 'svg', pageCount: 1 });
    const xml = out.content.toString('utf8');
    const { root, text } = parseXml(xml);
    expect(root).toBe('svg');
    expect(text).toContain('儿童<保暖>睡衣 & 家居服');
    expect(xml).toContain('width="50mm" height="30mm"');
    expect(decodeQr(rasterizeSvg(out.content, 200))).toBe(label.scanUrl);
  });

  it('previews one chosen page of a sheet job with that page’s labels in their cells', async () => {
    const template = SPECS['A4-3X8'];
    const labels = Array.from({ length: 30 }, (_, i) => sampleLabel(i));
    const out = await renderLabels(template, labels, LabelFormat.SVG, { page: 2 });
    expect(out.pageCount).toBe(2);
    const { text } = parseXml(out.content.toString('utf8'));
    expect(text).toContain(labels[24].skuCode);
    expect(text).toContain(labels[29].skuCode);
    expect(text).not.toContain(labels[23].skuCode);
    const page = rasterizeSvg(out.content, 200);
    for (let i = 24; i < 30; i++) {
      const at = placement(template, i);
      expect(decodeQr(page, { xMm: at.xMm, yMm: at.yMm, widthMm: template.widthMm, heightMm: template.heightMm })).toBe(labels[i].scanUrl);
    }
  });

  it('refuses a page beyond the job', async () => {
    const error = await renderLabels(SPECS['A4-3X8'], [sampleLabel(0)], LabelFormat.SVG, { page: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabelRenderError);
    expect((error as LabelRenderError).message).toBe('Page 2 does not exist: this job has 1 page(s).');
  });
});
