import { Given, GivenPricing, givenAssignment, givenShelf, uniqueSuffix } from '../../support/given';
import { TestApp } from '../../support/test-app';

export const CREATE_JOB = `mutation($input: CreateLabelPrintJobInput!) {
  createLabelPrintJob(input: $input) {
    id status format labelCount pageCount fileName fileUrl mimeType zplDpi omitted error
    skipped { slotId slotCode reason message }
    selection { slotIds shelfIds zoneIds staleOnly }
    template { code }
  }
}`;

export const LABELS = `query($filter: LabelFilter) {
  labels(filter: $filter, perPage: 200) {
    total
    items { id code status stale staleAt staleReason staleScans scanUrl slotId skuId assignmentId priceVersionId replacedBy
            slot { code } sku { code } }
  }
}`;

export const QUEUE = `query($venueId: ID!) {
  staleLabels(venueId: $venueId) {
    staleCount awaitingPostingCount
    zones { zoneCode zoneName shelves { shelfCode
      stale { slotCode skuCode title nowOnSlotSkuCode label { id code staleReason staleAt stale } }
      awaitingPosting { slotCode skuCode label { id code status } } } }
  }
}`;

export const POST = 'mutation($input: MarkLabelsPostedInput!) { markLabelsPosted(input: $input) { id status postedAt } }';

/** Wholesale and supply prices that never coincide, so a supply price on a label or page would show. */
export const SUPPLY_FEN = 1010;
export const WHOLESALE_FEN = 1350;
export const RETAIL_FEN = 2990;

export interface LabelWorld {
  venueId: string;
  template: string;
  shelf: Awaited<ReturnType<typeof givenShelf>>;
  /** The SKUs on levels 1–3 (priced), with their titles. */
  skus: { id: string; code: string; title: string }[];
  /** An unpriced SKU on level 4. */
  unpricedSku: string;
}

/**
 * A shelf of four slots at the demo's Zhengzhou venue: three of factory A's SKUs with an approved
 * price on levels 1–3, an unpriced one on level 4.
 */
export async function labelWorld(t: TestApp, options: { levels?: number } = {}): Promise<LabelWorld> {
  const given = new Given(t);
  const venueId = t.demo.venues.zz;
  const factoryA = t.demo.orgs.factoryA;
  const shelf = await givenShelf(t, venueId, options.levels ?? 5);
  const skus: LabelWorld['skus'] = [];
  for (let i = 0; i < 3; i++) {
    const title = `测试羊绒围巾${uniqueSuffix()}`;
    const product = await given.product(factoryA, { titleZh: title });
    const sku = await given.sku(factoryA, { productId: product.id, code: `LBL-${uniqueSuffix()}`, moq: 6, packSize: 3, unit: '条' });
    skus.push({ id: sku.id, code: sku.code, title });
  }
  await new GivenPricing(t).priceSheet(
    venueId,
    factoryA,
    skus.map((s) => ({ skuId: s.id, tiers: [[6, SUPPLY_FEN], [60, SUPPLY_FEN - 10]], retail: RETAIL_FEN, wholesale: [WHOLESALE_FEN, WHOLESALE_FEN - 50] })),
    { at: new Date(Date.now() - 60_000) },
  );
  for (const [i, sku] of skus.entries()) await givenAssignment(t, venueId, shelf.slots[i].id, sku.id);
  const unpriced = await given.sku(factoryA, { code: `LBL-NP-${uniqueSuffix()}` });
  await givenAssignment(t, venueId, shelf.slots[3].id, unpriced.id);
  const [{ id: template }] = await t.dataSource.query(`SELECT id FROM label_templates WHERE code = 'ROLL-50X30' AND venue_id IS NULL`);
  return { venueId, template, shelf, skus, unpricedSku: unpriced.id };
}
