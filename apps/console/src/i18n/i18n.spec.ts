import englishMessages from 'ra-language-english';
import { RESOURCES } from '../resources';
import { ROLES, ORGANIZATION_KINDS } from '../access/roles';
import { KNOWN_CODES } from '../dataProvider/errors';
import { en } from './en';
import { hasMessage, MESSAGES } from './index';
import { raChineseMessages } from './ra-zh-CN';
import { zhCN } from './zh-CN';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
}

describe('translations', () => {
  it("covers every one of react-admin's own messages in Chinese", () => {
    expect(keys(raChineseMessages).sort()).toEqual(keys(englishMessages).sort());
  });

  it('has the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('keeps the same placeholders in both languages', () => {
    for (const key of keys(zhCN)) {
      const zh = key.split('.').reduce<any>((v, k) => v[k], zhCN) as string;
      const english = key.split('.').reduce<any>((v, k) => v[k], en) as string;
      expect({ key, placeholders: placeholders(zh) }).toEqual({ key, placeholders: placeholders(english) });
    }
  });

  it('names every resource, role, organization kind and error code in both languages', () => {
    const needed = [
      ...RESOURCES.map((r) => `resources.${r.name}.name`),
      ...ROLES.map((r) => `xp.roles.${r}`),
      ...ORGANIZATION_KINDS.map((k) => `xp.kinds.${k}`),
      ...KNOWN_CODES.map((c) => `xp.errors.${c}`),
    ];
    for (const locale of Object.keys(MESSAGES)) {
      for (const key of needed) expect({ locale, key, present: hasMessage(locale, key) }).toEqual({ locale, key, present: true });
    }
  });

  it('writes Chinese in the Chinese messages (no English left behind)', () => {
    const latinOnly = keys(zhCN)
      .map((key) => ({ key, text: key.split('.').reduce<any>((v, k) => v[k], zhCN) as string }))
      .filter(({ text }) => /[A-Za-z]{3,}/.test(text) && !/[\u3400-\u9fff]/.test(text))
      .map(({ key }) => key);
    // Proper names and trade codes that Chinese uses as they are (SKU, the barcode symbologies).
    const tradeCodes = /^(SKU|Code 128|EAN-13)$/;
    const text = (key: string) => key.split('.').reduce<any>((v, k) => v[k], zhCN) as string;
    expect(latinOnly.filter((k) => !['xp.locale.en', 'xp.common.none'].includes(k) && !k.endsWith('.id') && !tradeCodes.test(text(k)))).toEqual([]);
  });
});
