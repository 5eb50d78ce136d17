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
