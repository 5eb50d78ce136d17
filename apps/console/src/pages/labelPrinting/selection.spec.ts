import { buildSelection, formatBytes, formatOf, skipReasonKey, svgDataUrl, toggle, toggleAll } from './selection';

describe('label printing selection', () => {
  it('builds the API selection of each mode, none while nothing is ticked', () => {
    expect(buildSelection('ZONES', ['z1', 'z2'])).toEqual({ zoneIds: ['z1', 'z2'] });
    expect(buildSelection('SHELVES', ['s1'])).toEqual({ shelfIds: ['s1'] });
    expect(buildSelection('SLOTS', ['a', 'b', 'a'])).toEqual({ slotIds: ['a', 'b'] });
    expect(buildSelection('SHELVES', [])).toBeNull();
    expect(buildSelection('ZONES', [], true)).toBeNull();
  });

  it('narrows zones and shelves to their stale labels; stale alone is the whole venue', () => {
    expect(buildSelection('ZONES', ['z1'], true)).toEqual({ zoneIds: ['z1'], staleOnly: true });
    expect(buildSelection('SHELVES', ['s1'], true)).toEqual({ shelfIds: ['s1'], staleOnly: true });
    // Chosen slots are printed as chosen.
    expect(buildSelection('SLOTS', ['a'], true)).toEqual({ slotIds: ['a'] });
    expect(buildSelection('STALE', [])).toEqual({ staleOnly: true });
    expect(buildSelection('STALE', ['ignored'], false)).toEqual({ staleOnly: true });
  });

  it('toggles one id, and a group all at once', () => {
    expect(toggle(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggleAll(['x', 'a'], ['a', 'b'])).toEqual(['x', 'a', 'b']);
    expect(toggleAll(['x', 'a', 'b'], ['a', 'b'])).toEqual(['x']);
    expect(toggleAll([], [])).toEqual([]);
  });

  it('maps the output choice onto format and dpi', () => {
    expect(formatOf('PDF')).toEqual({ format: 'PDF' });
    expect(formatOf('ZPL_203')).toEqual({ format: 'ZPL', zplDpi: 203 });
    expect(formatOf('ZPL_300')).toEqual({ format: 'ZPL', zplDpi: 300 });
  });

  it('makes an image address of an SVG that decodes back to it', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>羊绒围巾 #1 & 50%</text></svg>';
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(url).not.toMatch(/[<>#&%](?![0-9A-F]{2})/);
    expect(decodeURIComponent(url.slice('data:image/svg+xml;charset=utf-8,'.length))).toBe(svg);
  });

  it('names the skip reasons it knows and falls back for others', () => {
    expect(skipReasonKey('NOT_PRICED')).toBe('xp.labels.skip.NOT_PRICED');
    expect(skipReasonKey('SLOT_NOT_ACTIVE')).toBe('xp.labels.skip.SLOT_NOT_ACTIVE');
    expect(skipReasonKey('SOMETHING_NEW')).toBe('xp.labels.skip.OTHER');
  });

  it('writes file sizes for people', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(14_540)).toBe('14.2 KB');
    expect(formatBytes(1_363_149)).toBe('1.3 MB');
    expect(formatBytes(null)).toBe('');
  });
});
