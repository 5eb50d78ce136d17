import { Brand, BrandStatus, VenueFactory } from '@xp/factories';
import { Product, ProductStatus, Sku, SkuStatus } from '@xp/catalog';
import { DomainError, isUuid, RequestContext } from '@xp/core';
import { Venue } from '@xp/venues';
import { FloorEligibility } from './pricing.rules';

/**
 * What pricing reads of the catalog in bulk. The catalog's services answer one SKU or one brand
 * at a time; the pricing rules need the MOQ, status and brand verification of up to 10,000 SKUs
 * at once, so these read the catalog's tables through its entities in one query each (read
 * only). Admissions and documents go through the factories area's services.
 */

export interface SkuFacts {
  id: string;
  code: string;
  factoryOrgId: string;
  moq: number;
  packSize: number;
  active: boolean;
  categoryId: string;
  brandName: string | null;
  floorEligibility: FloorEligibility;
  titleZh: string;
  attributes: Record<string, string>;
  unit: string;
}

interface SkuFactsRow {
  id: string;
  code: string;
  factory_org_id: string;
  moq: number;
  pack_size: number;
  sku_status: SkuStatus;
  product_status: ProductStatus;
  category_id: string;
  title_zh: string;
  attributes: Record<string, string>;
  unit: string;
  brand_name: string | null;
  brand_status: BrandStatus | null;
  brand_factory_org_id: string | null;
}

function toFacts(r: SkuFactsRow): SkuFacts {
  let floorEligibility: FloorEligibility = 'VERIFIED_OWN_BRAND';
  if (r.brand_status === null) floorEligibility = 'NO_BRAND';
  else if (r.brand_factory_org_id !== r.factory_org_id) floorEligibility = 'NOT_OWN_BRAND';
  else if (r.brand_status !== BrandStatus.VERIFIED) floorEligibility = 'BRAND_NOT_VERIFIED';
  return {
    id: r.id,
    code: r.code,
    factoryOrgId: r.factory_org_id,
    moq: r.moq,
    packSize: r.pack_size,
    active: r.sku_status === SkuStatus.ACTIVE && r.product_status === ProductStatus.ACTIVE,
    categoryId: r.category_id,
    brandName: r.brand_name,
    floorEligibility,
    titleZh: r.title_zh,
    attributes: r.attributes,
    unit: r.unit,
  };
}

function skuFactsQuery(ctx: RequestContext) {
  return ctx.manager
    .getRepository(Sku)
    .createQueryBuilder('s')
    .innerJoin(Product, 'p', 'p.id = s.productId')
    .leftJoin(Brand, 'b', 'b.id = p.brandId')
    .select([
      's.id AS id',
      's.code AS code',
      's.factory_org_id AS factory_org_id',
      's.moq AS moq',
      's.pack_size AS pack_size',
      's.status AS sku_status',
      's.attributes AS attributes',
      's.unit AS unit',
      'p.status AS product_status',
      'p.category_id AS category_id',
      'p.title_zh AS title_zh',
      'b.name AS brand_name',
      'b.status AS brand_status',
      'b.factory_org_id AS brand_factory_org_id',
    ]);
}

/** A factory's own SKUs among `skuIds`, with what the pricing rules need (one query). */
export async function loadOwnSkuFacts(ctx: RequestContext, factoryOrgId: string, skuIds: readonly string[]): Promise<Map<string, SkuFacts>> {
  const ids = [...new Set(skuIds.filter(isUuid))];
  if (ids.length === 0) return new Map();
  const rows = await skuFactsQuery(ctx)
    .where('s.factoryOrgId = :factoryOrgId AND s.id = ANY(:ids)', { factoryOrgId, ids })
    .getRawMany<SkuFactsRow>();
  return new Map(rows.map((r) => [r.id, toFacts(r)]));
}

/**
 * A factory's SKUs by code (for imports), with the same facts, in one statement that joins the
 * codes as a relation of known size. Both earlier forms let PostgreSQL probe the trigram index
 * of SKU codes once per code, and each such probe reads the long posting lists of trigrams that
 * every code shares ("IMP", "-00"…): `code = ANY(array)` always did (66 s on the benchmark's
 * 500,000 SKUs), and `code IN (SELECT unnest(…))` did now and then: its semi-join counts the
 * distinct codes as 200 (the planner's default, 10,000 in fact), which costs probing once per
 * code (trigram index 7.45, the (factory, code) key 7.51 a probe) and hashing the factory's SKUs
 * within 10 % of each other, so small changes of the statistics (a catalog import and its
 * rows removed again, in the benchmark) flipped the plan to the trigram probes: 10–15.5 s for
 * this one statement, the 10,000-row import 12–28 s instead of 1.5–2 s. Joined as `unnest` of
 * the bound array, the codes are counted at the array's length: probing per code is costed at
 * 41,000 against 1,700 for hashing, and the hash join is chosen whatever the statistics.
 */
export async function loadOwnSkuFactsByCode(ctx: RequestContext, factoryOrgId: string, codes: readonly string[]): Promise<Map<string, SkuFacts>> {
  if (codes.length === 0) return new Map();
  const rows: SkuFactsRow[] = await ctx.manager.query(
    `SELECT s.id, s.code, s.factory_org_id, s.moq, s.pack_size, s.status AS sku_status, s.attributes, s.unit,
            p.status AS product_status, p.category_id, p.title_zh,
            b.name AS brand_name, b.status AS brand_status, b.factory_org_id AS brand_factory_org_id
     FROM unnest($2::text[]) AS wanted(code)
     JOIN skus s ON s.factory_org_id = $1 AND s.code = wanted.code
     JOIN products p ON p.id = s.product_id
     LEFT JOIN brands b ON b.id = p.brand_id`,
    // each code once: the codes are joined, so a repeated code would repeat its SKU
    [factoryOrgId, [...new Set(codes)]],
  );
  return new Map(rows.map((r) => [r.code, toFacts(r)]));
}

/** Every active SKU of a factory, by code (for the template). */
export async function loadActiveSkus(ctx: RequestContext, factoryOrgId: string): Promise<SkuFacts[]> {
  const rows = await skuFactsQuery(ctx)
    .where('s.factoryOrgId = :factoryOrgId AND s.status = :active AND p.status = :active', {
      factoryOrgId,
      active: SkuStatus.ACTIVE,
    })
    .orderBy('s.code', 'ASC')
    .getRawMany<SkuFactsRow>();
  return rows.map(toFacts);
}

/** The venue (NOT_FOUND when missing or malformed). */
export async function requireVenue(ctx: RequestContext, venueId: string): Promise<Venue> {
  const venue = isUuid(venueId) ? await ctx.manager.getRepository(Venue).findOneBy({ id: venueId }) : null;
  if (!venue) throw DomainError.notFound('Venue');
  return venue;
}

/** Whether the factory has any admission at the venue (for operator-side SKU visibility). */
export async function hasAdmission(ctx: RequestContext, venueId: string, factoryOrgId: string): Promise<boolean> {
  return ctx.manager.getRepository(VenueFactory).existsBy({ venueId, factoryOrgId });
}
