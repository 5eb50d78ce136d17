import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropStatementTriggers, statementTriggers } from './1765300000000-ReportPeriodCache';

/**
 * A closed period's whole headline is kept (not only its activity): the figures read from rows
 * as they stand (admissions, price sheets, labels) change with those rows, so their changes bump
 * the venue's closed-day version too. Labels are bumped only when an instant the report reads
 * changes (printed, posted, retired, stale), not when a scan counts a stale view.
 */
export class ReportClosedWhole1765300000002 implements MigrationInterface {
  name = 'ReportClosedWhole1765300000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ${statementTriggers('venue_factories')}
      ${statementTriggers('price_sheets')}
      ${statementTriggers('zones')}

      CREATE FUNCTION xp_report_closed_label() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM xp_report_closed_changed(ARRAY[COALESCE(NEW.venue_id, OLD.venue_id)]);
        RETURN NULL;
      END $$;
      CREATE TRIGGER labels_closed_update AFTER UPDATE OF printed_at, posted_at, retired_at, stale_at ON labels
        FOR EACH ROW WHEN (OLD.printed_at IS DISTINCT FROM NEW.printed_at OR OLD.posted_at IS DISTINCT FROM NEW.posted_at
                           OR OLD.retired_at IS DISTINCT FROM NEW.retired_at OR OLD.stale_at IS DISTINCT FROM NEW.stale_at)
        EXECUTE FUNCTION xp_report_closed_label();
      CREATE TRIGGER labels_closed_delete AFTER DELETE ON labels
        FOR EACH ROW EXECUTE FUNCTION xp_report_closed_label();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER labels_closed_delete ON labels;
      DROP TRIGGER labels_closed_update ON labels;
      DROP FUNCTION xp_report_closed_label();
      ${dropStatementTriggers('zones')}
      ${dropStatementTriggers('price_sheets')}
      ${dropStatementTriggers('venue_factories')}
    `);
  }
}
