import { textProblem } from '@xp/core';

/** The GTIN-13 (EAN-13) check digit of the first 12 digits: weights 1, 3, 1, 3… from the left. */
export function gtin13CheckDigit(first12: string): number {
  if (!/^[0-9]{12}$/.test(first12)) throw new Error('GTIN-13 check digit needs exactly 12 digits');
  let total = 0;
  for (let i = 0; i < 12; i++) total += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (total % 10)) % 10;
}

/** A full GTIN-13 from its first 12 digits. */
export function withGtin13CheckDigit(first12: string): string {
  return first12 + gtin13CheckDigit(first12);
}

/** Spaces and dashes people type inside barcodes are dropped. */
export function normalizeGtin(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

/** Why a GTIN-13 is invalid, or null. Same rule as the database's xp_gtin13_valid. */
export function gtinProblem(gtin: string): string | null {
  if (!/^[0-9]{13}$/.test(gtin)) return 'must be a GTIN-13 (EAN-13) barcode of 13 digits';
  if (gtin13CheckDigit(gtin.slice(0, 12)) !== Number(gtin[12])) {
    return `has a wrong check digit (the last digit should be ${gtin13CheckDigit(gtin.slice(0, 12))}); check the barcode`;
  }
  return null;
}

export const SKU_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

export function skuCodeProblem(code: string): string | null {
  return SKU_CODE_PATTERN.test(code)
    ? null
    : 'must be 1–64 letters, digits, dots, dashes, underscores or slashes, starting with a letter or digit';
}

export const MAX_PACK_SIZE = 100_000;
export const MAX_MOQ = 1_000_000;

/** Pack size and MOQ (起批量): whole numbers, MOQ a whole number of packs. Problems by field. */
export function packProblems(packSize: number, moq: number): { field: 'packSize' | 'moq'; message: string }[] {
  const problems: { field: 'packSize' | 'moq'; message: string }[] = [];
  if (!Number.isInteger(packSize) || packSize < 1 || packSize > MAX_PACK_SIZE) {
    problems.push({ field: 'packSize', message: `must be a whole number from 1 to ${MAX_PACK_SIZE}` });
  }
  if (!Number.isInteger(moq) || moq < 1 || moq > MAX_MOQ) {
    problems.push({ field: 'moq', message: `must be a whole number from 1 to ${MAX_MOQ}` });
  } else if (problems.length === 0 && moq % packSize !== 0) {
    problems.push({ field: 'moq', message: `must be a whole number of packs (a multiple of the pack size ${packSize})` });
  }
  return problems;
}

export const MAX_ATTRIBUTES = 10;

/** Attributes such as 颜色 / 尺码: at most 10, names up to 20 characters, values up to 60. */
export function attributesProblem(attributes: unknown): string | null {
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
    return 'must be an object of names to texts, like {"颜色": "红", "尺码": "M"}';
  }
  const entries = Object.entries(attributes);
  if (entries.length > MAX_ATTRIBUTES) return `may hold at most ${MAX_ATTRIBUTES} attributes`;
  for (const [name, value] of entries) {
    const nameProblem = textProblem(name, { max: 20 });
    if (nameProblem) return `attribute name "${name}" ${nameProblem}`;
    const valueProblem = textProblem(value, { max: 60 });
    if (valueProblem) return `attribute "${name}" ${valueProblem}`;
  }
  return null;
}

/** "材质:羊毛; 款式:长款" (ASCII or full-width punctuation) → { 材质: '羊毛', 款式: '长款' }, or a problem. */
export function parseAttributeList(text: string): { attributes: Record<string, string> } | { problem: string } {
  const attributes: Record<string, string> = {};
  for (const pair of text.split(/[;；\n]/).map((p) => p.trim()).filter(Boolean)) {
    const match = /^([^:：=]+)[:：=](.+)$/.exec(pair);
    if (!match) return { problem: `"${pair}" is not written as 名称:值 (name:value)` };
    const name = match[1].trim();
    if (name in attributes) return { problem: `names "${name}" twice` };
    attributes[name] = match[2].trim();
  }
  return { attributes };
}

/** A whole number written in a cell ("12", "12.0"), or null. */
export function parseWholeNumber(text: string): number | null {
  const match = /^([0-9]{1,9})(?:\.0+)?$/.exec(text.replace(/[,，\s]/g, ''));
  return match ? Number(match[1]) : null;
}
