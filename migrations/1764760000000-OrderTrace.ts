import { MigrationInterface, QueryRunner } from 'typeorm';

/** Scan statistics trace orders by the label scan code on their lines, per venue and period. */
export class OrderTrace1764760000000 implements MigrationInterface {
  name = 'OrderTrace1764760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX sales_order_lines_venue_scan_idx ON sales_order_lines (venue_id, scan_code, order_id) WHERE scan_code IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX sales_order_lines_venue_scan_idx');
  }
}
