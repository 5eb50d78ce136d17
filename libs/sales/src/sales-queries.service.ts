import { Injectable } from '@nestjs/common';
import { addDays, DomainError, factoryOrgIds, fenTransformer, isUuid, Page, paginate, RequestContext, SortOrder, startOfBusinessDay } from '@xp/core';
import { FactoryOrderLine, FactoryOrderLineListArgs } from './dto/factory-lines.dto';
import { SalesOrderListArgs, SalesReturnListArgs } from './dto/orders.dto';
import { SalesOrder, SalesOrderLine } from './entities/sales-order.entity';
import { SalesReturn } from './entities/sales-return.entity';
import { salesVenueScope } from './sales.scope';

/** Units a factory sold and took back at a venue over a period, per SKU and recorded price. */
export interface SettlementFigure {
  skuId: string;
  priceVersionId: string;
  supplyUnitPrice: number;
  wholesaleUnitPrice: number;
  /** Units shipped (SALE) in the period. */
  sold: number;
  /** Units of returns received in the period (into the WAREHOUSE or DAMAGED). */
  returned: number;
  /** Of `returned`, those received as DAMAGED. */
  returnedDamaged: number;
}

/** Reading orders and returns, scoped to the caller's venues (platform admins: all). */
@Injectable()
export class SalesQueriesService {
  private orders(ctx: RequestContext) {
    const qb = ctx.manager.getRepository(SalesOrder).createQueryBuilder('o');
    const venues = salesVenueScope(ctx);
    if (venues) qb.andWhere('o.venueId = ANY(:scopeVenueIds)', { scopeVenueIds: venues });
    return qb;
  }

  async list(ctx: RequestContext, args: SalesOrderListArgs): Promise<Page<SalesOrder>> {
    const qb = this.orders(ctx);
    const f = args.filter ?? {};
    if (f.venueId) qb.andWhere('o.venueId = :venueId', { venueId: f.venueId });
    if (f.buyerId) qb.andWhere('o.buyerId = :buyerId', { buyerId: f.buyerId });
    if (f.status) qb.andWhere('o.status = :status', { status: f.status });
    if (f.from && f.to && f.to < f.from) throw DomainError.field('filter.to', 'must not be before filter.from');
    if (f.from) qb.andWhere('o.placedAt >= :fromInstant', { fromInstant: startOfBusinessDay(f.from) });
    if (f.to) qb.andWhere('o.placedAt < :toInstant', { toInstant: startOfBusinessDay(addDays(f.to, 1)) });
    if (f.factoryOrgId) {
      qb.andWhere('EXISTS (SELECT 1 FROM sales_order_lines fl WHERE fl.order_id = o.id AND fl.factory_org_id = :factoryOrgId)', {
        factoryOrgId: f.factoryOrgId,
      });
    }
    if (f.skuId) qb.andWhere('EXISTS (SELECT 1 FROM sales_order_lines sl WHERE sl.order_id = o.id AND sl.sku_id = :skuId)', { skuId: f.skuId });
    if (f.scanCode) {
      qb.andWhere('EXISTS (SELECT 1 FROM sales_order_lines cl WHERE cl.order_id = o.id AND cl.scan_code = :scanCode)', { scanCode: f.scanCode });
    }
    return paginate(
      qb,
      args,
      { placedAt: 'o.placedAt', totalAmount: 'o.totalAmount', status: 'o.status', orderNo: 'o.orderNo' },
      { field: 'placedAt', order: SortOrder.DESC },
    );
  }

  /**
   * The lines of the caller's factories' goods on orders at any venue, newest order first: the
   * factory's view of its sales (no buyer, no wholesale price). Scoped to the factories the
   * caller works for; anyone else gets an empty page.
   */
  async factoryLines(ctx: RequestContext, args: FactoryOrderLineListArgs): Promise<Page<FactoryOrderLine>> {
    const sortable: Record<string, string> = { placedAt: 'o.placed_at', quantity: 'l.quantity', orderNo: 'o.order_no' };
    const sort = args.sort ?? { field: 'placedAt', order: SortOrder.DESC };
    const column = sortable[sort.field];
    if (!column) throw DomainError.field('sort.field', `cannot sort by "${sort.field}"; use one of: ${Object.keys(sortable).join(', ')}`);
    const f = args.filter ?? {};
    if (f.from && f.to && f.to < f.from) throw DomainError.field('filter.to', 'must not be before filter.from');
    const params: unknown[] = [factoryOrgIds(ctx)];
    const where = ['l.factory_org_id = ANY($1::uuid[])'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.venueId) add('l.venue_id = ?', f.venueId);
    if (f.skuId) add('l.sku_id = ?', f.skuId);
    if (f.orderStatus) add('o.status = ?', f.orderStatus);
    if (f.from) add('o.placed_at >= ?', startOfBusinessDay(f.from));
    if (f.to) add('o.placed_at < ?', startOfBusinessDay(addDays(f.to, 1)));
    const from = `FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id WHERE ${where.join(' AND ')}`;
    const direction = sort.order === SortOrder.ASC ? 'ASC NULLS FIRST' : 'DESC NULLS LAST';
    const [{ n }] = await ctx.manager.query(`SELECT count(*)::int AS n ${from}`, params);
    const rows: Record<string, unknown>[] = await ctx.manager.query(
      `SELECT l.id, l.order_id, o.order_no, o.status, o.placed_at, o.shipped_at, o.delivered_at, l.venue_id, l.line_no, l.sku_id,
              l.factory_org_id, l.quantity, l.price_version_id, l.supply_unit_price, (l.quantity * l.supply_unit_price)::text AS supply_amount
       ${from} ORDER BY ${column} ${direction}, l.id ASC LIMIT ${args.perPage} OFFSET ${(args.page - 1) * args.perPage}`,
      params,
    );
    const items = rows.map((r) => {
      const line = new FactoryOrderLine();
      Object.assign(line, {
        id: r.id,
        orderId: r.order_id,
        orderNo: r.order_no,
        orderStatus: r.status,
        placedAt: r.placed_at,
        shippedAt: r.shipped_at,
        deliveredAt: r.delivered_at,
        venueId: r.venue_id,
        lineNo: r.line_no,
        skuId: r.sku_id,
        factoryOrgId: r.factory_org_id,
        quantity: r.quantity,
        priceVersionId: r.price_version_id,
        supplyUnitPrice: fenTransformer.from(r.supply_unit_price as string),
        supplyAmount: fenTransformer.from(r.supply_amount as string),
      });
      return line;
    });
    return { items, total: n };
  }

  /** An order the caller may see, or NOT_FOUND (as for a missing one). */
  async findOne(ctx: RequestContext, id: string): Promise<SalesOrder> {
    if (!isUuid(id)) throw DomainError.notFound('Sales order');
    const order = await this.orders(ctx).andWhere('o.id = :id', { id }).getOne();
    if (!order) throw DomainError.notFound('Sales order');
    return order;
  }

  private returns(ctx: RequestContext) {
    const qb = ctx.manager.getRepository(SalesReturn).createQueryBuilder('r');
    const venues = salesVenueScope(ctx);
    if (venues) qb.andWhere('r.venueId = ANY(:scopeVenueIds)', { scopeVenueIds: venues });
    return qb;
  }

  async listReturns(ctx: RequestContext, args: SalesReturnListArgs): Promise<Page<SalesReturn>> {
    const qb = this.returns(ctx);
    const f = args.filter ?? {};
    if (f.venueId) qb.andWhere('r.venueId = :venueId', { venueId: f.venueId });
    if (f.orderId) qb.andWhere('r.orderId = :orderId', { orderId: f.orderId });
    if (f.status) qb.andWhere('r.status = :status', { status: f.status });
    return paginate(qb, args, { requestedAt: 'r.requestedAt', amount: 'r.amount' }, { field: 'requestedAt', order: SortOrder.DESC });
  }

  async findReturn(ctx: RequestContext, id: string): Promise<SalesReturn> {
    if (!isUuid(id)) throw DomainError.notFound('Return');
    const found = await this.returns(ctx).andWhere('r.id = :id', { id }).getOne();
    if (!found) throw DomainError.notFound('Return');
    return found;
  }

  /**
   * For settlement: a factory's units shipped and returns received at a venue in [from, to), per
   * SKU, price version and the prices its order lines recorded. Not tenant-scoped: the caller
   * checked who may see the venue and factory.
   */
  async settlementFigures(ctx: RequestContext, query: { venueId: string; factoryOrgId: string; from: Date; to: Date }): Promise<SettlementFigure[]> {
    const rows: Record<string, string | number>[] = await ctx.manager.query(
      `WITH sold AS (
         SELECT l.sku_id, l.price_version_id, l.supply_unit_price, l.unit_price, sum(l.quantity) AS q
         FROM sales_orders o JOIN sales_order_lines l ON l.order_id = o.id
         WHERE o.venue_id = $1 AND o.shipped_at >= $3 AND o.shipped_at < $4 AND l.factory_org_id = $2
         GROUP BY 1, 2, 3, 4),
       returned AS (
         SELECT l.sku_id, l.price_version_id, l.supply_unit_price, l.unit_price, sum(rl.quantity) AS q,
                COALESCE(sum(rl.quantity) FILTER (WHERE rl.location = 'DAMAGED'), 0) AS damaged
         FROM sales_returns r JOIN sales_return_lines rl ON rl.return_id = r.id JOIN sales_order_lines l ON l.id = rl.order_line_id
         WHERE r.venue_id = $1 AND r.received_at >= $3 AND r.received_at < $4 AND rl.factory_org_id = $2
         GROUP BY 1, 2, 3, 4)
       SELECT sku_id, price_version_id, supply_unit_price, unit_price,
              COALESCE(s.q, 0) AS sold, COALESCE(r.q, 0) AS returned, COALESCE(r.damaged, 0) AS damaged
       FROM sold s FULL JOIN returned r USING (sku_id, price_version_id, supply_unit_price, unit_price)
       ORDER BY sku_id, price_version_id, supply_unit_price, unit_price`,
      [query.venueId, query.factoryOrgId, query.from, query.to],
    );
    return rows.map((r) => ({
      skuId: String(r.sku_id),
      priceVersionId: String(r.price_version_id),
      supplyUnitPrice: Number(r.supply_unit_price),
      wholesaleUnitPrice: Number(r.unit_price),
      sold: Number(r.sold),
      returned: Number(r.returned),
      returnedDamaged: Number(r.damaged),
    }));
  }

  /** Units of each order line taken by returns that are not cancelled (batched per request). */
  returnedQuantity(ctx: RequestContext, line: Pick<SalesOrderLine, 'id'>): Promise<number> {
    return ctx
      .loader<string, number>('sales.returnedQuantity', async (lineIds) => {
        const rows: { order_line_id: string; n: number }[] = await ctx.manager.query(
          `SELECT rl.order_line_id, sum(rl.quantity)::int AS n FROM sales_return_lines rl JOIN sales_returns r ON r.id = rl.return_id
           WHERE rl.order_line_id = ANY($1::uuid[]) AND r.status <> 'CANCELLED' GROUP BY rl.order_line_id`,
          [[...lineIds]],
        );
        const map = new Map(rows.map((r) => [r.order_line_id, r.n]));
        return lineIds.map((id) => map.get(id) ?? 0);
      })
      .load(line.id);
  }
}
