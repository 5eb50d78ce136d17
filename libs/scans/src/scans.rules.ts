import { createHmac, randomBytes } from 'node:crypto';
import { registerEnumType } from '@nestjs/graphql';
import { Fen } from '@xp/core';

/**
 * Rules of the public scan page, its listing export and scan statistics. Pure: no database.
 */

// ---------------------------------------------------------------------------------------------
// Availability

export enum Availability {
  IN_STOCK = 'IN_STOCK',
  LOW = 'LOW',
  OUT = 'OUT',
}

/** Below this many minimum orders in the warehouse, stock shows as low. */
export const LOW_STOCK_ORDERS = 5;

/**
 * What a buyer is told about stock, without numbers: out when the warehouse (on hand − reserved)
 * cannot fill one minimum order, low under five minimum orders, in stock otherwise.
 */
export function availabilityOf(available: number, moq: number): Availability {
  const minimum = Math.max(1, moq);
  if (available < minimum) return Availability.OUT;
  if (available < minimum * LOW_STOCK_ORDERS) return Availability.LOW;
  return Availability.IN_STOCK;
}

export const AVAILABILITY_ZH: Record<Availability, string> = {
  [Availability.IN_STOCK]: '现货充足',
  [Availability.LOW]: '库存紧张',
  [Availability.OUT]: '暂时缺货',
};

// ---------------------------------------------------------------------------------------------
// Prices for the listing

/**
 * The retail price suggested to a buyer's own shop: the factory's approved retail price, and
 * never below an approved price floor (控价) — a floor binds resale, so a suggestion under it
 * would invite the buyer to break it.
 */
export function suggestedRetailPrice(retailPrice: Fen, floorPrice: Fen | null): Fen {
  return floorPrice !== null && floorPrice > retailPrice ? floorPrice : retailPrice;
}

// ---------------------------------------------------------------------------------------------
// Devices

export const DEVICE_COOKIE = 'xp_did';
const COOKIE_VALUE = /^[A-Za-z0-9_-]{22}$/;

/** A fresh first-party device cookie value: 128 random bits, nothing about the person. */
export function newDeviceCookie(): string {
  return randomBytes(16).toString('base64url');
}

/** The device cookie of a Cookie header, or null (a malformed value counts as none). */
export function deviceCookieOf(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === DEVICE_COOKIE) {
      const value = rest.join('=');
      return COOKIE_VALUE.test(value) ? value : null;
    }
  }
  return null;
}

/**
 * What is stored of a device: HMAC-SHA-256 of its cookie value under a server key, cut to 128
 * bits. Counting unique devices needs only equality; the cookie cannot be recovered from it.
 */
export function deviceHash(key: string, cookieValue: string): string {
  return createHmac('sha256', key).update(cookieValue).digest('hex').slice(0, 32);
}

// ---------------------------------------------------------------------------------------------
// Statistics

export enum ScanGroupBy {
  SLOT = 'SLOT',
  SKU = 'SKU',
  FACTORY = 'FACTORY',
  DAY = 'DAY',
}
registerEnumType(ScanGroupBy, { name: 'ScanGroupBy' });

/** Government viewers see venue totals: grouped by day at most, never by slot, SKU or factory. */
export function groupingAllowedForGovernment(groupBy: ScanGroupBy): boolean {
  return groupBy === ScanGroupBy.DAY;
}

/** Part over whole as a fraction with four decimals (0 when the whole is 0). */
export function rate(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
}

export const MAX_STATS_DAYS = 400;

// ---------------------------------------------------------------------------------------------
// Text

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * One CSV cell (RFC 4180): quoted when needed; a text starting with = + - @ (or a tab or
 * carriage return) gets a leading apostrophe so a spreadsheet shows it instead of running it.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
