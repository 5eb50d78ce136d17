import { randomUUID } from 'node:crypto';
import { Sku } from '@xp/catalog';
import { Given } from '../support/given';
import { TestApp } from '../support/test-app';

export const key = () => randomUUID();

export interface Balance {
  onHand: number;
  reserved: number;
}

/** A balance straight from the table (zeros when there is no row). */
export async function balanceOf(t: TestApp, venueId: string, skuId: string, location = 'WAREHOUSE'): Promise<Balance> {
  const [row] = await t.dataSource.query(
    'SELECT on_hand, reserved FROM stock_balances WHERE venue_id = $1 AND sku_id = $2 AND location = $3',
    [venueId, skuId, location],
  );
  return { onHand: row?.on_hand ?? 0, reserved: row?.reserved ?? 0 };
}

/** Factory A admitted to the Zhengzhou demo venue (once per test database), with fresh SKUs. */
export async function factoryAtZz(t: TestApp, given: Given, skus = 2): Promise<Sku[]> {
  const [existing] = await t.dataSource.query('SELECT 1 FROM venue_factories WHERE venue_id = $1 AND factory_org_id = $2', [
    t.demo.venues.zz,
    t.demo.orgs.factoryA,
  ]);
  if (!existing) await given.admission(t.demo.venues.zz, t.demo.orgs.factoryA);
  const result: Sku[] = [];
  for (let i = 0; i < skus; i++) result.push(await given.sku(t.demo.orgs.factoryA));
  return result;
}

/** Rows of the consistency view (empty when the ledger and the balances agree). */
export async function discrepancies(t: TestApp): Promise<unknown[]> {
  return t.dataSource.query('SELECT * FROM stock_ledger_discrepancies');
}
