import { createHash, randomBytes } from 'node:crypto';
import { hashPassword, Membership, MembershipVenue, User } from '@xp/access';
import { Category, Product, Sku } from '@xp/catalog';
import { OrganizationKind, Role, ROLE_ORGANIZATION_KIND } from '@xp/core';
import { Brand, BrandStatus, Document, DocumentContent, DocumentKind, tinyPdf, VenueFactory, VenueFactoryStatus } from '@xp/factories';
import { LabelField, LabelLayout, LabelTemplate, ScanSymbology, SkuBarcode } from '@xp/labels';
import { creditCodeCheckCharacter, Organization, Region, Venue } from '@xp/venues';
import { TestApp } from './test-app';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
let passwordHash: Promise<string> | undefined;

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

/** A random, valid unified social credit code. */
export function randomCreditCode(prefix = '91'): string {
  let body = prefix;
  while (body.length < 17) body += ALPHABET[randomBytes(1)[0] % ALPHABET.length];
  return body + creditCodeCheckCharacter(body);
}

export const TEST_PASSWORD = 'test-password-1';

/**
 * Data builders: each call makes a fresh, valid object straight in the database, with
 * overridable fields, so a test states only what matters to it.
 */
export class Given {
  constructor(private readonly t: TestApp) {}

  private get m() {
    return this.t.dataSource.manager;
  }

  async region(overrides: Partial<Region> = {}): Promise<Region> {
    return this.m.getRepository(Region).save({ code: `R-${uniqueSuffix()}`, name: '测试大区', ...overrides });
  }

  async organization(kind: OrganizationKind, overrides: Partial<Organization> = {}): Promise<Organization> {
    return this.m.getRepository(Organization).save({
      kind,
      name: `测试${kind}${uniqueSuffix()}`,
      creditCode: randomCreditCode(kind === OrganizationKind.GOVERNMENT ? '11' : '91'),
      ...overrides,
    });
  }

  async venue(overrides: Partial<Venue> = {}): Promise<Venue> {
    const regionId = overrides.regionId ?? (await this.region()).id;
    const operatorOrgId = overrides.operatorOrgId ?? (await this.organization(OrganizationKind.OPERATOR)).id;
    return this.m.getRepository(Venue).save({
      code: `V-${uniqueSuffix()}`,
      name: '测试选品中心',
      city: '测试市',
      categoryFocus: '全品类',
      ...overrides,
      regionId,
      operatorOrgId,
    });
  }

  /** A user with one membership, and a token for it. */
  async user(
    role: Role,
    organizationId: string,
    options: { regionId?: string; venueIds?: string[]; email?: string; active?: boolean } = {},
  ): Promise<{ user: User; token: string }> {
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const user = await this.m.getRepository(User).save({
      email: options.email ?? `user-${uniqueSuffix().toLowerCase()}@test.xuanpin.test`,
      displayName: '测试用户',
      passwordHash: await passwordHash,
      active: options.active ?? true,
    });
    const membership = await this.m.getRepository(Membership).save({
      userId: user.id,
      organizationId,
      organizationKind: ROLE_ORGANIZATION_KIND[role],
      role,
      regionId: options.regionId ?? null,
    });
    for (const venueId of options.venueIds ?? []) {
      await this.m.getRepository(MembershipVenue).save({ membershipId: membership.id, venueId });
    }
    return { user, token: await this.t.tokenForUser(user.id) };
  }

  /** A venue with its own operator and an OPERATOR_ADMIN for it. */
  async operatedVenue(overrides: Partial<Venue> = {}) {
    const operator = await this.organization(OrganizationKind.OPERATOR);
    const venue = await this.venue({ ...overrides, operatorOrgId: operator.id });
    const admin = await this.user(Role.OPERATOR_ADMIN, operator.id);
    return { operator, venue, admin };
  }

  /** A factory organization with its FACTORY_ADMIN (and that admin's token). */
  async factory(overrides: Partial<Organization> = {}) {
    const org = await this.organization(OrganizationKind.FACTORY, { industryBelt: '测试产业带', ...overrides });
    const admin = await this.user(Role.FACTORY_ADMIN, org.id);
    return { org, admin };
  }

  /** A factory's admission to a venue, APPROVED unless said otherwise. */
  async admission(venueId: string, factoryOrgId: string, status = VenueFactoryStatus.APPROVED): Promise<VenueFactory> {
    const now = new Date();
    return this.m.getRepository(VenueFactory).save({
      venueId,
      factoryOrgId,
      status,
      submittedAt: status === VenueFactoryStatus.DRAFT ? null : now,
      decidedAt: status === VenueFactoryStatus.APPROVED || status === VenueFactoryStatus.REJECTED ? now : null,
      admittedAt: status === VenueFactoryStatus.APPROVED || status === VenueFactoryStatus.SUSPENDED ? now : null,
      suspendedAt: status === VenueFactoryStatus.SUSPENDED ? now : null,
    });
  }

  /** A seeded category by code (default: knitted scarves). */
  async category(code = 'APPAREL-SCARF'): Promise<Category> {
    return this.m.getRepository(Category).findOneByOrFail({ code });
  }

  async brand(factoryOrgId: string, overrides: Partial<Brand> = {}): Promise<Brand> {
    const reviewed = (overrides.status ?? BrandStatus.VERIFIED) !== BrandStatus.PENDING;
    return this.m.getRepository(Brand).save({
      factoryOrgId,
      name: `品牌${uniqueSuffix()}`,
      trademarkRegNo: `${Math.floor(10_000_000 + Math.random() * 89_999_999)}`,
      status: BrandStatus.VERIFIED,
      reviewedAt: reviewed ? new Date() : null,
      ...overrides,
    });
  }

  async product(factoryOrgId: string, overrides: Partial<Product> = {}): Promise<Product> {
    const categoryId = overrides.categoryId ?? (await this.category()).id;
    return this.m.getRepository(Product).save({ factoryOrgId, titleZh: `测试商品${uniqueSuffix()}`, ...overrides, categoryId });
  }

  /** A SKU (with a product of its own unless productId is given). */
  async sku(factoryOrgId: string, overrides: Partial<Sku> = {}): Promise<Sku> {
    const productId = overrides.productId ?? (await this.product(factoryOrgId)).id;
    return this.m.getRepository(Sku).save({
      factoryOrgId,
      code: `SKU-${uniqueSuffix()}`,
      attributes: {},
      moq: 1,
      packSize: 1,
      ...overrides,
      productId,
    });
  }

  /**
   * Consignment stock received straight into the ledger (an operation, its CONSIGN_IN
   * movement and the balance, consistent with each other), optionally backdated.
   */
  async stock(
    venueId: string,
    skuId: string,
    quantity: number,
    options: { location?: string; occurredAt?: Date } = {},
  ): Promise<void> {
    const location = options.location ?? 'WAREHOUSE';
    await this.t.dataSource.transaction(async (m) => {
      // Test history may be dated inside a month the demo has already settled and closed.
      await m.query("SELECT set_config('xp.backdating', 'on', true)");
      const [sku] = await m.query('SELECT factory_org_id FROM skus WHERE id = $1', [skuId]);
      const [op] = await m.query(
        `INSERT INTO stock_operations (idempotency_key, venue_id, action, request_hash, occurred_at)
         VALUES ($1, $2, 'test.stock', repeat('0', 64), COALESCE($3, now())) RETURNING id, occurred_at`,
        [`given-${uniqueSuffix()}${uniqueSuffix()}`, venueId, options.occurredAt ?? null],
      );
      await m.query(
        `INSERT INTO stock_movements (operation_id, line_no, venue_id, sku_id, owner_factory_org_id, type, to_location, quantity, occurred_at)
         VALUES ($1, 1, $2, $3, $4, 'CONSIGN_IN', $5, $6, $7)`,
        [op.id, venueId, skuId, sku.factory_org_id, location, quantity, op.occurred_at],
      );
      await m.query(
        `INSERT INTO stock_balances (venue_id, sku_id, location, owner_factory_org_id, on_hand) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (venue_id, sku_id, location) DO UPDATE SET on_hand = stock_balances.on_hand + EXCLUDED.on_hand`,
        [venueId, skuId, location, sku.factory_org_id, quantity],
      );
    });
  }

  /** A label template (a venue's own when venueId is given; a 50×30 mm roll unless overridden). */
  async labelTemplate(overrides: Partial<LabelTemplate> = {}): Promise<LabelTemplate> {
    return this.m.getRepository(LabelTemplate).save({
      code: `T-${uniqueSuffix()}`,
      name: '测试标签 50×30',
      widthMm: 50,
      heightMm: 30,
      layout: LabelLayout.ROLL,
      fields: [LabelField.TITLE, LabelField.TIER_PRICES, LabelField.SLOT_CODE],
      symbology: ScanSymbology.QR,
      barcode: SkuBarcode.NONE,
      zplDpi: 203,
      ...overrides,
    });
  }

  /**
   * A document stored straight in the database (no upload checks): a tiny PDF unless
   * `content` is given, so that tests can also plant files the upload would refuse.
   */
  async document(ownerOrgId: string, kind = DocumentKind.BUSINESS_LICENSE, content: Buffer = tinyPdf(), mimeType = 'application/pdf'): Promise<Document> {
    const document = await this.m.getRepository(Document).save({
      ownerOrgId,
      kind,
      mimeType,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      originalName: null,
      uploadedBy: null,
    });
    await this.m.getRepository(DocumentContent).insert({ documentId: document.id, content });
    return document;
  }
}

/** A line for `Given.priceSheet`: supply tiers as [minQuantity, fen] pairs. */
export interface GivenPriceLine {
  skuId: string;
  tiers: [number, number][];
  retail: number;
  /** Wholesale fen per tier (default: the supply prices) when the line is approved. */
  wholesale?: number[];
  floor?: number;
  decision?: 'APPROVED' | 'REJECTED';
}

export interface GivenPriceSheetOptions {
  status?: 'DRAFT' | 'SUBMITTED' | 'APPROVED';
  effectiveFrom?: string;
  /** When it was submitted and approved (default now); past instants make history. */
  at?: Date;
  submittedBy?: string | null;
  reviewedBy?: string;
  floorDecidedBy?: string;
}

/** Price sheets built straight in the database, walked through the workflow the triggers allow. */
export class GivenPricing {
  constructor(private readonly t: TestApp) {}

  async priceSheet(venueId: string, factoryOrgId: string, lines: GivenPriceLine[], options: GivenPriceSheetOptions = {}) {
    const q = (sql: string, params: unknown[] = []) => this.t.dataSource.query(sql, params);
    const at = options.at ?? new Date();
    const status = options.status ?? 'APPROVED';
    const effectiveFrom = options.effectiveFrom ?? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const reviewedBy = options.reviewedBy ?? this.t.demo.users.pricingReviewer;
    const [sheet] = await q(
      `INSERT INTO price_sheets (venue_id, factory_org_id, version_no, effective_from)
       SELECT $1, $2, coalesce(max(version_no), 0) + 1, $3 FROM price_sheets WHERE venue_id = $1 AND factory_org_id = $2
       RETURNING id, version_no`,
      [venueId, factoryOrgId, effectiveFrom],
    );
    const lineIds: string[] = [];
    for (const [i, line] of lines.entries()) {
      const [row] = await q(
        `INSERT INTO price_sheet_lines (sheet_id, venue_id, factory_org_id, effective_from, line_no, sku_id, tier_quantities,
                                        supply_prices, retail_price, requested_floor, floor_status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $10::bigint IS NULL THEN NULL ELSE 'PENDING' END) RETURNING id`,
        [sheet.id, venueId, factoryOrgId, effectiveFrom, i + 1, line.skuId, line.tiers.map((x) => x[0]), line.tiers.map((x) => x[1]), line.retail, line.floor ?? null],
      );
      lineIds.push(row.id);
    }
    if (status !== 'DRAFT') {
      await q(`UPDATE price_sheets SET status = 'SUBMITTED', submitted_at = $2, submitted_by = $3 WHERE id = $1`, [
        sheet.id,
        at,
        options.submittedBy ?? null,
      ]);
    }
    if (status === 'APPROVED') {
      for (const [i, line] of lines.entries()) {
        const approved = (line.decision ?? 'APPROVED') === 'APPROVED';
        await q(
          `UPDATE price_sheet_lines SET decision = $2, decision_reason = $3, wholesale_prices = $4,
                  floor_status = CASE WHEN floor_status IS NULL THEN NULL WHEN $5 THEN 'PENDING' ELSE 'REJECTED' END,
                  floor_reason = CASE WHEN floor_status IS NOT NULL AND NOT $5 THEN 'line rejected' END,
                  floor_decided_at = CASE WHEN floor_status IS NOT NULL AND NOT $5 THEN $6::timestamptz END
           WHERE id = $1`,
          [lineIds[i], approved ? 'APPROVED' : 'REJECTED', approved ? null : 'rejected', approved ? (line.wholesale ?? line.tiers.map((x) => x[1])) : null, approved, at],
        );
      }
      const floors = lines.some((l) => l.floor !== undefined && (l.decision ?? 'APPROVED') === 'APPROVED');
      if (floors) {
        await q(`UPDATE price_sheets SET status = 'FLOOR_REVIEW', reviewed_by = $2, reviewed_at = $3 WHERE id = $1`, [sheet.id, reviewedBy, at]);
        await q(
          `UPDATE price_sheet_lines SET floor_status = 'APPROVED', floor_decided_by = $2, floor_decided_at = $3
           WHERE sheet_id = $1 AND floor_status = 'PENDING'`,
          [sheet.id, options.floorDecidedBy ?? this.t.demo.users.operatorAdmin, at],
        );
      }
      await q(
        `UPDATE price_sheet_lines SET approved_at = $2, approval_seq = nextval('price_version_seq') WHERE sheet_id = $1 AND decision = 'APPROVED'`,
        [sheet.id, at],
      );
      const partial = lines.some((l) => l.decision === 'REJECTED');
      await q(
        `UPDATE price_sheets SET status = $4, reviewed_by = $2, reviewed_at = coalesce(reviewed_at, $3), finalized_at = $3 WHERE id = $1`,
        [sheet.id, reviewedBy, at, partial ? 'PARTIALLY_APPROVED' : 'APPROVED'],
      );
    }
    return { id: sheet.id as string, versionNo: sheet.version_no as number, lineIds, effectiveFrom };
  }
}

/** A zone with one shelf of `levels` slots (codes like ZAB3-01-1), straight in the database. */
export async function givenShelf(t: TestApp, venueId: string, levels = 4) {
  const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const zoneCode = `Z${uniqueSuffix().replace(/[^A-Z0-9]/g, '').slice(0, 3)}`;
  const [{ id: zoneId }] = await q(`INSERT INTO zones (venue_id, code, name) VALUES ($1, $2, '测试区') RETURNING id`, [venueId, zoneCode]);
  const [{ id: shelfId }] = await q(`INSERT INTO shelves (venue_id, zone_id, number, code) VALUES ($1, $2, 1, $3) RETURNING id`, [
    venueId,
    zoneId,
    `${zoneCode}-01`,
  ]);
  const slots: { id: string; code: string }[] = [];
  for (let level = 1; level <= levels; level++) {
    const [slot] = await q(
      `INSERT INTO slots (venue_id, zone_id, shelf_id, level, code, active_from) VALUES ($1, $2, $3, $4, $5, current_date - 30) RETURNING id, code`,
      [venueId, zoneId, shelfId, level, `${zoneCode}-01-${level}`],
    );
    slots.push(slot);
  }
  return { zoneId, zoneCode, shelfId, shelfCode: `${zoneCode}-01`, slots };
}

/** A live slot assignment from `fromDaysAgo` days ago (open-ended unless `toDaysAhead`), straight in the database. */
export async function givenAssignment(t: TestApp, venueId: string, slotId: string, skuId: string, options: { fromDaysAgo?: number; toDaysAhead?: number } = {}) {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO slot_assignments (venue_id, slot_id, sku_id, factory_org_id, period)
     SELECT $1, $2, $3, s.factory_org_id, daterange(current_date - $4::int, current_date + $5::int, '[)') FROM skus s WHERE s.id = $3
     RETURNING id`,
    [venueId, slotId, skuId, options.fromDaysAgo ?? 1, options.toDaysAhead ?? null],
  );
  return id as string;
}

/** A mainland mobile number nobody else has (for buyers). */
export function uniquePhone(): string {
  return `13${String(randomBytes(5).readUIntBE(0, 5) % 1_000_000_000).padStart(9, '0')}`;
}

/** Buyers, priced SKUs with stock, and orders, straight in the database or through the API. */
export class GivenSales {
  constructor(private readonly t: TestApp) {}

  /** A registered buyer, linked to the venues given (so their staff see it). */
  async buyer(venueIds: string[] = [], overrides: { shopName?: string; phone?: string; createdAt?: Date } = {}): Promise<{ id: string; phone: string }> {
    const phone = overrides.phone ?? uniquePhone();
    const [{ id }] = await this.t.dataSource.query(
      `INSERT INTO buyers (shop_name, contact_name, phone, city, created_at) VALUES ($1, '测试买家', $2, '郑州', COALESCE($3, now())) RETURNING id`,
      [overrides.shopName ?? `测试店铺${uniqueSuffix()}`, phone, overrides.createdAt ?? null],
    );
    for (const venueId of venueIds) {
      await this.t.dataSource.query('INSERT INTO buyer_venues (buyer_id, venue_id) VALUES ($1, $2)', [id, venueId]);
    }
    return { id, phone };
  }

  /**
   * A SKU of `factoryOrgId` admitted at `venueId`, priced (supply tiers, wholesale tiers, retail)
   * and with `stock` units in the WAREHOUSE. Defaults: MOQ 10 in packs of 5; tiers at 10, 50, 200.
   */
  async pricedSku(
    venueId: string,
    factoryOrgId: string,
    options: {
      stock?: number;
      moq?: number;
      packSize?: number;
      tiers?: [number, number][];
      wholesale?: number[];
      retail?: number;
      at?: Date;
      stockAt?: Date;
    } = {},
  ) {
    const given = new Given(this.t);
    const [admitted] = await this.t.dataSource.query('SELECT status FROM venue_factories WHERE venue_id = $1 AND factory_org_id = $2', [
      venueId,
      factoryOrgId,
    ]);
    if (!admitted) await given.admission(venueId, factoryOrgId);
    const moq = options.moq ?? 10;
    const sku = await given.sku(factoryOrgId, { moq, packSize: options.packSize ?? 5 });
    const tiers = options.tiers ?? [
      [moq, 1000],
      [moq * 5, 900],
      [moq * 20, 800],
    ];
    const wholesale = options.wholesale ?? tiers.map(([, fen]) => fen + Math.round(fen / 4));
    const sheet = await new GivenPricing(this.t).priceSheet(
      venueId,
      factoryOrgId,
      [{ skuId: sku.id, tiers, retail: options.retail ?? Math.max(...wholesale) * 2, wholesale }],
      { at: options.at },
    );
    if (options.stock) await given.stock(venueId, sku.id, options.stock, { occurredAt: options.stockAt });
    return { sku, versionId: sheet.lineIds[0], tiers, wholesale };
  }
}
