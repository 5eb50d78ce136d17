import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activity figures of closed periods, kept.
 *
 * A period whose days are all over (it ends today or earlier) has activity figures (flows, unique
 * devices, the factories that sold, each slot's scans and sales, the top lists) that change only
 * through a write into one of its days: a late or backdated row (its day marked dirty while the
 * day is already over), a forgotten stock end (backdated movement or approval), or a change to the
 * slots and assignments the sales are credited by. Every such write bumps its venue's number in
 * report_closed_versions, in the writer's transaction; report_period_cache keeps a period's figures
 * with the sum of its venues' numbers when they were read, and a report takes them only while that
 * sum is unchanged. Versions only grow, so an unchanged sum means no venue of the set moved.
 *
 * A period is kept only from ten minutes after it closed (CHECK): a transaction that began before
 * midnight and commits just after it may still write into the day that closed.
 */
/** A table's writes bump their venues' versions: one statement trigger per kind of write. */
export const statementTriggers = (table: string) => `
      CREATE TRIGGER ${table}_closed_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xp_report_closed_inserted();
      CREATE TRIGGER ${table}_closed_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xp_report_closed_updated();
      CREATE TRIGGER ${table}_closed_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION xp_report_closed_deleted();`;

export const dropStatementTriggers = (table: string) => `
      DROP TRIGGER ${table}_closed_delete ON ${table};
      DROP TRIGGER ${table}_closed_update ON ${table};
      DROP TRIGGER ${table}_closed_insert ON ${table};`;

export class ReportPeriodCache1765300000000 implements MigrationInterface {
  name = 'ReportPeriodCache1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_closed_versions (
        venue_id uuid PRIMARY KEY REFERENCES venues(id),
        version bigint NOT NULL CHECK (version > 0)
      );

      CREATE TABLE report_period_cache (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        part text NOT NULL CHECK (part ~ '^[a-z-]+(:[0-9a-f-]{36})?$'),
        venue_ids uuid[] NOT NULL CHECK (cardinality(venue_ids) > 0),
        from_day date NOT NULL,
        to_day date NOT NULL,
        version bigint NOT NULL CHECK (version >= 0),
        made_at timestamptz NOT NULL DEFAULT now(),
        body jsonb NOT NULL,
        CONSTRAINT report_period_cache_key UNIQUE (part, venue_ids, from_day, to_day),
        CONSTRAINT report_period_cache_period_check CHECK (from_day < to_day),
        CONSTRAINT report_period_cache_closed_check CHECK (made_at >= xp_day_start(to_day) + interval '10 minutes')
      );
      CREATE INDEX report_period_cache_made_idx ON report_period_cache (made_at);

      -- Bumps the venues' numbers, in a fixed order (no deadlocks between writers).
      CREATE FUNCTION xp_report_closed_changed(p_venues uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO report_closed_versions AS v (venue_id, version)
        SELECT DISTINCT x, 1::bigint FROM unnest(p_venues) AS x WHERE x IS NOT NULL ORDER BY 1
        ON CONFLICT (venue_id) DO UPDATE SET version = v.version + 1
      $$;

      -- A day marked dirty after it is over: a late or backdated write.
      CREATE FUNCTION xp_report_closed_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM xp_report_closed_changed(ARRAY[NEW.venue_id]);
        RETURN NULL;
      END $$;
      CREATE TRIGGER report_dirty_days_closed AFTER INSERT OR UPDATE ON report_dirty_days
        FOR EACH ROW WHEN (NEW.day < xp_business_day(now())) EXECUTE FUNCTION xp_report_closed_dirty();

      -- Rows written, changed or removed: their venues (the old rows' too).
      CREATE FUNCTION xp_report_closed_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM xp_report_closed_changed((SELECT array_agg(DISTINCT venue_id) FROM new_rows));
        RETURN NULL;
      END $$;
      CREATE FUNCTION xp_report_closed_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM xp_report_closed_changed((SELECT array_agg(DISTINCT venue_id)
                                          FROM (SELECT venue_id FROM new_rows UNION SELECT venue_id FROM old_rows) x));
        RETURN NULL;
      END $$;
      CREATE FUNCTION xp_report_closed_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM xp_report_closed_changed((SELECT array_agg(DISTINCT venue_id) FROM old_rows));
        RETURN NULL;
      END $$;

      -- Kept stock ends forgotten (a backdated movement or approval).
      CREATE TRIGGER report_stock_end_days_closed AFTER DELETE ON report_stock_end_days
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION xp_report_closed_deleted();

      -- Slots and assignments: the sales of a day are credited to the slot that showed the SKU then.
      ${statementTriggers('slot_assignments')}
      ${statementTriggers('slots')}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ${dropStatementTriggers('slots')}
      ${dropStatementTriggers('slot_assignments')}
      DROP TRIGGER report_stock_end_days_closed ON report_stock_end_days;
      DROP TRIGGER report_dirty_days_closed ON report_dirty_days;
      DROP FUNCTION xp_report_closed_deleted(), xp_report_closed_updated(), xp_report_closed_inserted(),
        xp_report_closed_dirty(), xp_report_closed_changed(uuid[]);
      DROP TABLE report_period_cache, report_closed_versions;
    `);
  }
}
