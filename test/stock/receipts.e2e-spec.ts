import { randomUUID } from 'node:crypto';
import { Sku } from '@xp/catalog';
import { VenueFactoryStatus } from '@xp/factories';
import { Given, uniqueSuffix } from '../support/given';
import { Caller, TestApp } from '../support/test-app';
import { BALANCES, CANCEL_RECEIPT, DECLARE, MOVEMENTS, RECEIPT, RECEIPTS, RECEIVE } from './stock.documents';
import { balanceOf, factoryAtZz, key } from './stock.support';

/** A factory's delivery note: declared by the factory, received by the warehouse, differences for both to see. */
describe('consignment receipts', () => {
  let t: TestApp;
  let given: Given;
  let skus: Sku[];
  const zz = () => t.demo.venues.zz;

  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
    skus = await factoryAtZz(t, given, 2);
  });
  afterAll(() => t.close());

  async function declare(caller: Caller = 'factoryAdmin', lines = [{ skuId: skus[0].id, quantity: 300 }, { skuId: skus[1].id, quantity: 200 }]) {
    const { declareConsignment } = await t.ok(
      DECLARE,
      { input: { venueId: zz(), factoryOrgId: t.demo.orgs.factoryA, deliveryNoteNo: `DN-${uniqueSuffix()}`, lines } },
      caller,
    );
    return declareConsignment;
  }

  const receiveInput = (receiptId: string, received = [300, 190], idempotencyKey: string = key()) => ({
    input: {
      receiptId,
      idempotencyKey,
      lines: received.map((receivedQuantity, i) => ({ skuId: skus[i].id, receivedQuantity })),
    },
  });

  it('lets the factory declare a delivery note and the warehouse receive it, short line and all', async () => {
    const before = await balanceOf(t, zz(), skus[1].id);
    const declared = await declare();
    expect(declared).toMatchObject({ status: 'DECLARED', declaredTotal: 500, receivedTotal: null });
    const { receiveConsignment: received } = await t.ok(RECEIVE, receiveInput(declared.id), 'warehouseStaff');
    expect(received).toMatchObject({ status: 'RECEIVED', declaredTotal: 500, receivedTotal: 490 });
    expect(received.lines).toEqual([
      expect.objectContaining({ lineNo: 1, skuId: skus[0].id, declaredQuantity: 300, receivedQuantity: 300, difference: 0 }),
      expect.objectContaining({ lineNo: 2, skuId: skus[1].id, declaredQuantity: 200, receivedQuantity: 190, difference: -10 }),
    ]);
    expect(await balanceOf(t, zz(), skus[1].id)).toEqual({ onHand: before.onHand + 190, reserved: 0 });
    const { stockMovements } = await t.ok(MOVEMENTS, { filter: { referenceId: declared.id } }, 'operatorAdmin');
    type Row = { lineNo: number; type: string; quantity: number; toLocation: string; referenceType: string };
    const rows = [...(stockMovements.items as Row[])].sort((x, y) => x.lineNo - y.lineNo);
    expect(rows.map((m) => [m.type, m.quantity, m.toLocation, m.referenceType])).toEqual([
      ['CONSIGN_IN', 300, 'WAREHOUSE', 'ConsignmentReceipt'],
      ['CONSIGN_IN', 190, 'WAREHOUSE', 'ConsignmentReceipt'],
    ]);
    expect(await t.count('audit_events', "entity_id = $1 AND action IN ('consignmentReceipt.declared', 'consignmentReceipt.received')", [declared.id])).toBe(2);
  });

  it('shows the differences to both the factory and the operator', async () => {
    const declared = await declare();
    await t.ok(RECEIVE, receiveInput(declared.id, [305, 0]), 'operatorAdmin');
    for (const caller of ['factoryAdmin', 'operatorAdmin', 'warehouseStaff', 'showroomStaff'] as const) {
      const { consignmentReceipt } = await t.ok(RECEIPT, { id: declared.id }, caller);
      expect(consignmentReceipt.lines.map((l: { difference: number }) => l.difference)).toEqual([5, -200]);
      expect(consignmentReceipt.factory.name).toBe('河南豫暖针织服饰有限公司');
    }
  });

  it('lets the warehouse declare for the factory, and add an undeclared SKU of the same factory on receipt', async () => {
    const extra = await given.sku(t.demo.orgs.factoryA);
    const declared = await declare('warehouseStaff', [{ skuId: skus[0].id, quantity: 10 }]);
    const { receiveConsignment } = await t.ok(
      RECEIVE,
      {
        input: {
          receiptId: declared.id,
          idempotencyKey: key(),
          lines: [
            { skuId: skus[0].id, receivedQuantity: 10 },
            { skuId: extra.id, receivedQuantity: 4 },
          ],
        },
      },
      'warehouseStaff',
    );
    expect(receiveConsignment.lines).toEqual([
      expect.objectContaining({ skuId: skus[0].id, declaredQuantity: 10, receivedQuantity: 10, difference: 0 }),
      expect.objectContaining({ skuId: extra.id, declaredQuantity: 0, receivedQuantity: 4, difference: 4 }),
    ]);
    expect(await balanceOf(t, zz(), extra.id)).toEqual({ onHand: 4, reserved: 0 });
  });

  it('answers a replayed receipt with the first result and receives nothing twice', async () => {
    const declared = await declare();
    const k = key();
    const first = await t.ok(RECEIVE, receiveInput(declared.id, [300, 190], k), 'warehouseStaff');
    const movements = await t.count('stock_movements', 'reference_id = $1', [declared.id]);
    const again = await t.ok(RECEIVE, receiveInput(declared.id, [300, 190], k), 'warehouseStaff');
    expect(again).toEqual(first);
    expect(await t.count('stock_movements', 'reference_id = $1', [declared.id])).toBe(movements);
    const concurrent = await t.fails(RECEIVE, receiveInput(declared.id, [300, 190]), 'warehouseStaff');
    expect(concurrent.extensions.code).toBe('INVALID_TRANSITION');
  });

  it('receives one delivery once even when two keys race', async () => {
    const declared = await declare();
    const results = await Promise.all([1, 2].map(() => t.gql(RECEIVE, receiveInput(declared.id), 'warehouseStaff')));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)?.errors?.[0].extensions.code).toBe('INVALID_TRANSITION');
    expect(await t.count('stock_movements', 'reference_id = $1', [declared.id])).toBe(2);
  });

  it('refuses bad declarations naming the field, writing nothing', async () => {
    const stranger = await given.factory();
    const strangerSku = await given.sku(stranger.org.id);
    const receipts = await t.count('consignment_receipts');
    const attempt = async (lines: unknown[], caller: Caller = 'factoryAdmin', factoryOrgId = t.demo.orgs.factoryA) =>
      t.fails(DECLARE, { input: { venueId: zz(), factoryOrgId, deliveryNoteNo: `DN-${uniqueSuffix()}`, lines } }, caller);
    const negative = await attempt([{ skuId: skus[0].id, quantity: -5 }]);
    expect(negative.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.lines.0.quantity' }] });
    const unknown = await attempt([{ skuId: skus[0].id, quantity: 1 }, { skuId: randomUUID(), quantity: 1 }]);
    expect(unknown.extensions.fields).toEqual([{ path: 'input.lines.1.skuId', message: 'no such SKU' }]);
    const foreign = await attempt([{ skuId: strangerSku.id, quantity: 1 }]);
    expect(foreign.extensions.fields).toEqual([{ path: 'input.lines.0.skuId', message: 'is not a SKU of this factory' }]);
    const twice = await attempt([{ skuId: skus[0].id, quantity: 1 }, { skuId: skus[0].id, quantity: 2 }]);
    expect(twice.extensions.fields).toEqual([{ path: 'input.lines.1.skuId', message: 'is listed twice' }]);
    const empty = await attempt([]);
    expect(empty.extensions.fields).toEqual([expect.objectContaining({ path: 'input.lines' })]);
    expect(await t.count('consignment_receipts')).toBe(receipts);
  });

  it('refuses a delivery from a factory not admitted to the venue', async () => {
    const pending = await given.factory();
    await given.admission(zz(), pending.org.id, VenueFactoryStatus.SUBMITTED);
    const sku = await given.sku(pending.org.id);
    const input = { venueId: zz(), factoryOrgId: pending.org.id, deliveryNoteNo: 'DN-PENDING', lines: [{ skuId: sku.id, quantity: 1 }] };
    const error = await t.fails(DECLARE, { input }, { token: pending.admin.token });
    expect(error.extensions.fields).toEqual([expect.objectContaining({ path: 'input.factoryOrgId' })]);
    const byWarehouse = await t.fails(DECLARE, { input }, 'warehouseStaff');
    expect(byWarehouse.extensions.code).toBe('VALIDATION_FAILED');
    expect(await t.count('consignment_receipts', 'delivery_note_no = $1', ['DN-PENDING'])).toBe(0);
  });

  it('refuses a delivery note number declared twice (DUPLICATE)', async () => {
    const input = { venueId: zz(), factoryOrgId: t.demo.orgs.factoryA, deliveryNoteNo: 'DN-TWICE', lines: [{ skuId: skus[0].id, quantity: 1 }] };
    await t.ok(DECLARE, { input }, 'factoryAdmin');
    expect((await t.fails(DECLARE, { input }, 'factoryAdmin')).extensions.code).toBe('DUPLICATE');
    expect(await t.count('consignment_receipts', 'delivery_note_no = $1', ['DN-TWICE'])).toBe(1);
  });

  it('refuses a receipt missing a declared line, with a negative quantity, or a foreign SKU, receiving nothing', async () => {
    const declared = await declare();
    const stranger = await given.factory();
    const strangerSku = await given.sku(stranger.org.id);
    const missing = await t.fails(
      RECEIVE,
      { input: { receiptId: declared.id, idempotencyKey: key(), lines: [{ skuId: skus[0].id, receivedQuantity: 1 }] } },
      'warehouseStaff',
    );
    expect(missing.extensions.fields).toEqual([expect.objectContaining({ path: 'input.lines' })]);
    const negative = await t.fails(RECEIVE, receiveInput(declared.id, [-1, 0]), 'warehouseStaff');
    expect(negative.extensions.fields).toEqual([expect.objectContaining({ path: 'input.lines.0.receivedQuantity' })]);
    const foreign = await t.fails(
      RECEIVE,
      {
        input: {
          receiptId: declared.id,
          idempotencyKey: key(),
          lines: [...receiveInput(declared.id).input.lines, { skuId: strangerSku.id, receivedQuantity: 3 }],
        },
      },
      'warehouseStaff',
    );
    expect(foreign.extensions.fields).toEqual([{ path: 'input.lines.2.skuId', message: 'is not a SKU of this factory' }]);
    const badKey = await t.fails(RECEIVE, receiveInput(declared.id, [1, 1], 'short'), 'warehouseStaff');
    expect(badKey.extensions.fields).toEqual([expect.objectContaining({ path: 'input.idempotencyKey' })]);
    expect(await t.count('stock_movements', 'reference_id = $1', [declared.id])).toBe(0);
    expect((await t.ok(RECEIPT, { id: declared.id }, 'warehouseStaff')).consignmentReceipt.status).toBe('DECLARED');
  });

  it('lets only the warehouse (or the operator admin) receive', async () => {
    const declared = await declare();
    for (const caller of ['factoryAdmin', 'showroomStaff', 'pricingReviewer', 'govViewer', 'platformAdmin'] as const) {
      expect((await t.fails(RECEIVE, receiveInput(declared.id), caller)).extensions.code).toBe('FORBIDDEN');
    }
    for (const caller of ['operator2Admin', 'factory2Admin'] as const) {
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain((await t.fails(RECEIVE, receiveInput(declared.id), caller)).extensions.code);
    }
    expect((await t.fails(RECEIVE, receiveInput(declared.id), 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
    expect(await t.count('stock_movements', 'reference_id = $1', [declared.id])).toBe(0);
  });

  it('lets the factory cancel a note that has not arrived, never one received', async () => {
    const declared = await declare();
    const { cancelConsignmentReceipt } = await t.ok(CANCEL_RECEIPT, { input: { receiptId: declared.id, reason: '车辆改期' } }, 'factoryAdmin');
    expect(cancelConsignmentReceipt).toMatchObject({ status: 'CANCELLED', cancelReason: '车辆改期' });
    expect((await t.fails(RECEIVE, receiveInput(declared.id), 'warehouseStaff')).extensions.code).toBe('INVALID_TRANSITION');
    const received = await declare();
    await t.ok(RECEIVE, receiveInput(received.id), 'warehouseStaff');
    const error = await t.fails(CANCEL_RECEIPT, { input: { receiptId: received.id, reason: '晚了' } }, 'factoryAdmin');
    expect(error.extensions.code).toBe('INVALID_TRANSITION');
    const other = await declare();
    expect((await t.fails(CANCEL_RECEIPT, { input: { receiptId: other.id, reason: 'x' } }, 'factory2Admin')).extensions.code).toBe('NOT_FOUND');
    expect((await t.fails(CANCEL_RECEIPT, { input: { receiptId: other.id, reason: 'x' } }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
  });

  it("shows factory A's receipts to neither factory B, the other venue's operator nor the government", async () => {
    const declared = await declare();
    for (const caller of ['factory2Admin', 'operator2Admin'] as const) {
      expect((await t.fails(RECEIPT, { id: declared.id }, caller)).extensions.code).toBe('NOT_FOUND');
      const { consignmentReceipts } = await t.ok(RECEIPTS, { filter: { venueId: zz() } }, caller);
      expect(consignmentReceipts).toEqual({ total: 0, items: [] });
    }
    expect((await t.fails(RECEIPT, { id: declared.id }, 'govViewer')).extensions.code).toBe('FORBIDDEN');
    expect((await t.fails(RECEIPTS, {}, 'govViewer')).extensions.code).toBe('FORBIDDEN');
    expect((await t.fails(RECEIPT, { id: 'not-an-id' }, 'factoryAdmin')).extensions.code).toBe('NOT_FOUND');
    const own = await t.ok(RECEIPTS, { filter: { status: 'DECLARED' } }, 'factoryAdmin');
    expect(own.consignmentReceipts.items.map((r: { id: string }) => r.id)).toContain(declared.id);
  });

  it("shows factory A's stock at Zhengzhou to neither factory B nor the other venue's operator", async () => {
    const declared = await declare();
    await t.ok(RECEIVE, receiveInput(declared.id), 'warehouseStaff');
    for (const caller of ['factory2Admin', 'operator2Admin'] as const) {
      for (const filter of [{ venueId: zz() }, { factoryOrgId: t.demo.orgs.factoryA }, { skuId: skus[0].id }]) {
        expect((await t.ok(BALANCES, { filter }, caller)).stockBalances).toEqual({ total: 0, items: [] });
        expect((await t.ok(MOVEMENTS, { filter }, caller)).stockMovements).toEqual({ total: 0, items: [] });
      }
      // Unfiltered, they see only their own: factory B's goods at Yongkang (the demo's), never factory A's or Zhengzhou's.
      const balances = (await t.ok(BALANCES, { filter: {} }, caller)).stockBalances.items;
      const movements = (await t.ok(MOVEMENTS, { filter: {} }, caller)).stockMovements.items;
      for (const row of balances) {
        expect({ venueId: row.venueId, owner: row.ownerFactoryOrgId }).toEqual({ venueId: t.demo.venues.yk, owner: t.demo.orgs.factoryB });
      }
      for (const row of movements) expect(row.ownerFactoryOrgId).toBe(t.demo.orgs.factoryB);
    }
    const own = await t.ok(BALANCES, { filter: { skuId: skus[0].id } }, 'factoryAdmin');
    expect(own.stockBalances.total).toBe(1);
  });
});
