import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closed-day versions without a hot row. Bumping a venue's row in report_closed_versions held its
 * lock until the writer committed, so two writers of one venue (a price-sheet import, a print job,
 * a slot change) queued behind each other there, and two touching two venues in opposite orders
 * could deadlock. A change is now a row appended to report_closed_changes (no lock on anything
 * shared); a set of venues' version is the count of their changes, folded ones included
 * (xp_report_closed_version). Counting, not the highest id: an id taken before another commits
 * after it, a count only grows. The rollup job folds the appended rows into report_closed_versions
 * every minute in one transaction, which leaves every sum as it was.
 */
export class ReportClosedChanges1765300000003 implements MigrationInterface {
  name = 'ReportClosedChanges1765300000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_closed_changes (
        venue_id uuid NOT NULL REFERENCES venues(id),
        n integer NOT NULL DEFAULT 1 CHECK (n > 0)
      );
      CREATE INDEX report_closed_changes_venue_idx ON report_closed_changes (venue_id);

      CREATE OR REPLACE FUNCTION xp_report_closed_changed(p_venues uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO report_closed_changes (venue_id) SELECT DISTINCT x FROM unnest(p_venues) AS x WHERE x IS NOT NULL
      $$;

      CREATE FUNCTION xp_report_closed_version(p_venues uuid[]) RETURNS bigint LANGUAGE sql STABLE AS $$
        SELECT COALESCE((SELECT sum(version) FROM report_closed_versions WHERE venue_id = ANY(p_venues)), 0)::bigint
             + COALESCE((SELECT sum(n) FROM report_closed_changes WHERE venue_id = ANY(p_venues)), 0)::bigint
      $$;

      CREATE FUNCTION xp_report_closed_fold() RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        folded integer;
      BEGIN
        WITH gone AS (DELETE FROM report_closed_changes RETURNING venue_id, n),
             sums AS (SELECT venue_id, sum(n)::bigint AS n FROM gone GROUP BY 1)
        INSERT INTO report_closed_versions AS v (venue_id, version)
        SELECT venue_id, n FROM sums ORDER BY 1
        ON CONFLICT (venue_id) DO UPDATE SET version = v.version + EXCLUDED.version;
        GET DIAGNOSTICS folded = ROW_COUNT;
        RETURN folded;
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      SELECT xp_report_closed_fold();
      DROP FUNCTION xp_report_closed_fold(), xp_report_closed_version(uuid[]);
      CREATE OR REPLACE FUNCTION xp_report_closed_changed(p_venues uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO report_closed_versions AS v (venue_id, version)
        SELECT DISTINCT x, 1::bigint FROM unnest(p_venues) AS x WHERE x IS NOT NULL ORDER BY 1
        ON CONFLICT (venue_id) DO UPDATE SET version = v.version + 1
      $$;
      DROP TABLE report_closed_changes;
    `);
  }
}
