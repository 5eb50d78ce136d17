import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Printed shelf labels and what buyers do with them: print jobs (with their rendered file),
 * one label per slot tied to the assignment and the price version it shows, staleness as one
 * SQL function, verify walks, and the month-partitioned scan events of the public scan page.
 */
export class LabelsScans1764800000000 implements MigrationInterface {
  name = 'LabelsScans1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Labels insist that the assignment is the slot's and shows the SKU, and that the price
      -- version is the SKU's at the venue (composite foreign keys need these keys).
      ALTER TABLE slot_assignments ADD CONSTRAINT slot_assignments_id_slot_sku_key UNIQUE (id, slot_id, sku_id);
      ALTER TABLE price_sheet_lines ADD CONSTRAINT price_sheet_lines_id_venue_sku_key UNIQUE (id, venue_id, sku_id);

      CREATE TABLE label_print_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid NOT NULL REFERENCES venues(id),
        template_id uuid NOT NULL REFERENCES label_templates(id),
        format text NOT NULL CHECK (format IN ('PDF', 'ZPL', 'SVG')),
        zpl_dpi integer CHECK (zpl_dpi IN (203, 300)),
        selection jsonb NOT NULL,
        status text NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
        label_count integer NOT NULL DEFAULT 0 CHECK (label_count >= 0),
        page_count integer CHECK (page_count >= 1),
        skipped jsonb NOT NULL DEFAULT '[]',
        omitted text[] NOT NULL DEFAULT '{}',
        mime_type text,
        file_name text CHECK (length(file_name) <= 200),
        file_size integer CHECK (file_size > 0),
        file_sha256 text CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
        error text CHECK (length(error) <= 2000),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT label_print_jobs_id_venue_key UNIQUE (id, venue_id),
        -- a DONE job has its file and labels; a finished job has its end; a FAILED one says why
        CONSTRAINT label_print_jobs_state_check CHECK (
          ((status = 'DONE') = (mime_type IS NOT NULL AND file_name IS NOT NULL AND file_size IS NOT NULL
                                AND file_sha256 IS NOT NULL AND label_count > 0 AND page_count IS NOT NULL))
          AND ((status = 'RUNNING') = (finished_at IS NULL))
          AND ((status = 'FAILED') = (error IS NOT NULL)))
      );
      CREATE INDEX label_print_jobs_venue_idx ON label_print_jobs (venue_id, created_at DESC);
      CREATE INDEX label_print_jobs_status_idx ON label_print_jobs (venue_id, status);
      CREATE INDEX label_print_jobs_running_idx ON label_print_jobs (created_at) WHERE status = 'RUNNING';

      -- The rendered file, apart so that listings never read it.
      CREATE TABLE label_print_job_files (
        job_id uuid PRIMARY KEY REFERENCES label_print_jobs(id),
        content bytea NOT NULL
      );

      -- A job goes RUNNING → DONE | FAILED once; a finished job never changes.
      CREATE FUNCTION xp_label_job_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'RUNNING' OR NEW.status NOT IN ('DONE', 'FAILED') THEN
          RAISE EXCEPTION 'a label print job goes from RUNNING to DONE or FAILED once (not % → %)', OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'label_print_jobs_transition';
        END IF;
        IF NEW.venue_id <> OLD.venue_id OR NEW.template_id <> OLD.template_id OR NEW.format <> OLD.format
           OR NEW.created_at <> OLD.created_at OR NEW.created_by IS DISTINCT FROM OLD.created_by THEN
          RAISE EXCEPTION 'what a job was asked to print never changes'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'label_print_jobs_transition';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER label_print_jobs_guard BEFORE UPDATE ON label_print_jobs
        FOR EACH ROW EXECUTE FUNCTION xp_label_job_guard();

      -- One printed label: a slot, the assignment (and so the SKU) it shows, the price version
      -- it prints, and its scan code. status: PRINTED → POSTED (on the shelf) → RETIRED (replaced).
      CREATE TABLE labels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT labels_code_check CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
        venue_id uuid NOT NULL REFERENCES venues(id),
        job_id uuid NOT NULL,
        template_id uuid NOT NULL REFERENCES label_templates(id),
        slot_id uuid NOT NULL,
        assignment_id uuid NOT NULL,
        sku_id uuid NOT NULL,
        factory_org_id uuid NOT NULL,
        price_version_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'PRINTED' CHECK (status IN ('PRINTED', 'POSTED', 'RETIRED')),
        printed_at timestamptz NOT NULL DEFAULT now(),
        posted_at timestamptz,
        posted_by uuid REFERENCES users(id),
        retired_at timestamptz,
        -- deferred: the old label names its replacement before the replacement is inserted
        replaced_by uuid REFERENCES labels(id) DEFERRABLE INITIALLY DEFERRED,
        -- the instant from which the label is stale (may lie ahead: a price effective next week),
        -- kept from xp_label_staleness() by the domain events and a periodic recheck
        stale_at timestamptz,
        stale_reason text CHECK (stale_reason IN ('SLOT_CHANGED', 'PRICE_CHANGED')),
        -- buyers who scanned it while stale: the venue sees this in the reprint queue
        stale_scans integer NOT NULL DEFAULT 0 CHECK (stale_scans >= 0),
        last_stale_scan_at timestamptz,
        CONSTRAINT labels_code_key UNIQUE (code),
        CONSTRAINT labels_scan_key UNIQUE (id, code, venue_id, slot_id, sku_id, factory_org_id),
        FOREIGN KEY (job_id, venue_id) REFERENCES label_print_jobs (id, venue_id),
        FOREIGN KEY (slot_id, venue_id) REFERENCES slots (id, venue_id),
        FOREIGN KEY (assignment_id, slot_id, sku_id) REFERENCES slot_assignments (id, slot_id, sku_id),
        FOREIGN KEY (sku_id, factory_org_id) REFERENCES skus (id, factory_org_id),
        FOREIGN KEY (price_version_id, venue_id, sku_id) REFERENCES price_sheet_lines (id, venue_id, sku_id),
        CONSTRAINT labels_state_check CHECK (
          (status = 'RETIRED') = (retired_at IS NOT NULL)
          AND (status <> 'POSTED' OR posted_at IS NOT NULL)
          AND (status <> 'PRINTED' OR posted_at IS NULL)
          AND (replaced_by IS NULL OR status = 'RETIRED')
          AND (stale_at IS NULL) = (stale_reason IS NULL))
      );
      -- A slot carries one live label at most: printing a new one retires the old in the same transaction.
      CREATE UNIQUE INDEX labels_slot_live_key ON labels (slot_id) WHERE status <> 'RETIRED';
      CREATE INDEX labels_venue_idx ON labels (venue_id, printed_at DESC);
      CREATE INDEX labels_venue_status_idx ON labels (venue_id, status);
      CREATE INDEX labels_slot_idx ON labels (slot_id, printed_at DESC);
      CREATE INDEX labels_sku_idx ON labels (sku_id, venue_id);
      CREATE INDEX labels_job_idx ON labels (job_id);
      CREATE INDEX labels_assignment_idx ON labels (assignment_id) WHERE status <> 'RETIRED';
      CREATE INDEX labels_stale_idx ON labels (venue_id, stale_at) WHERE status <> 'RETIRED' AND stale_at IS NOT NULL;

      -- PRINTED → POSTED | RETIRED, POSTED → RETIRED; what a label printed never changes.
      CREATE FUNCTION xp_label_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'a printed label is never removed (it is retired)'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'labels_transition';
        END IF;
        IF NEW.code <> OLD.code OR NEW.venue_id <> OLD.venue_id OR NEW.job_id <> OLD.job_id OR NEW.slot_id <> OLD.slot_id
           OR NEW.assignment_id <> OLD.assignment_id OR NEW.sku_id <> OLD.sku_id OR NEW.price_version_id <> OLD.price_version_id
           OR NEW.template_id <> OLD.template_id OR NEW.printed_at <> OLD.printed_at THEN
          RAISE EXCEPTION 'what a label printed never changes'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'labels_transition';
        END IF;
        IF NEW.status <> OLD.status AND NOT (
             (OLD.status = 'PRINTED' AND NEW.status IN ('POSTED', 'RETIRED'))
          OR (OLD.status = 'POSTED' AND NEW.status = 'RETIRED')) THEN
          RAISE EXCEPTION 'a label cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'labels_transition';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER labels_guard BEFORE UPDATE OR DELETE ON labels
        FOR EACH ROW EXECUTE FUNCTION xp_label_guard();

      -- When a label stops telling the truth, and why: the first instant at which its slot no
      -- longer shows its SKU (the assignment, followed through back-to-back assignments of the
      -- same SKU on the slot, ends or is cancelled) or its SKU's effective price at the venue is
      -- another version (any later approval takes over from max(its effective day, its approval)).
      -- NULL when nothing known yet ends it. The one definition of staleness: stored on labels
      -- by the events and the recheck, evaluated live by the scan page and the verify walk.
      CREATE FUNCTION xp_label_staleness(p_assignment uuid, p_slot uuid, p_sku uuid, p_version uuid,
                                         OUT stale_at timestamptz, OUT stale_reason text)
      -- plpgsql, not sql: its statements' plans are cached per connection (the scan page calls it on every view)
      LANGUAGE plpgsql STABLE AS $$
      DECLARE
        slot_at timestamptz;
        price_at timestamptz;
      BEGIN
        WITH RECURSIVE chain AS (
          SELECT a.period, a.status, a.updated_at, 1 AS depth
          FROM slot_assignments a WHERE a.id = p_assignment
          UNION ALL
          SELECT n.period, n.status, n.updated_at, c.depth + 1
          FROM chain c
          JOIN slot_assignments n ON n.slot_id = p_slot AND n.sku_id = p_sku AND n.status = 'LIVE'
                                  AND lower(n.period) = upper(c.period)
          WHERE c.status = 'LIVE' AND upper(c.period) IS NOT NULL AND c.depth < 50
        )
        SELECT CASE WHEN c.status <> 'LIVE' THEN c.updated_at
                    WHEN upper(c.period) IS NULL THEN NULL
                    ELSE upper(c.period)::timestamp AT TIME ZONE 'Asia/Shanghai' END
          INTO slot_at
        FROM chain c ORDER BY c.depth DESC LIMIT 1;

        SELECT min(greatest(w.effective_from::timestamp AT TIME ZONE 'Asia/Shanghai', w.approved_at))
          INTO price_at
        FROM price_sheet_lines v
        JOIN price_sheet_lines w ON w.venue_id = v.venue_id AND w.sku_id = v.sku_id AND w.approval_seq > v.approval_seq
        WHERE v.id = p_version;

        stale_at := least(slot_at, price_at);
        stale_reason := CASE WHEN slot_at IS NULL AND price_at IS NULL THEN NULL
                             WHEN price_at IS NULL OR (slot_at IS NOT NULL AND slot_at <= price_at) THEN 'SLOT_CHANGED'
                             ELSE 'PRICE_CHANGED' END;
      END $$;

      -- A verify walk: showroom staff scanning the labels along a shelf with a phone.
      CREATE TABLE label_walks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid NOT NULL REFERENCES venues(id),
        shelf_id uuid,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'FINISHED')),
        started_by uuid NOT NULL REFERENCES users(id),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        labels_checked integer NOT NULL DEFAULT 0 CHECK (labels_checked >= 0),
        current_found integer NOT NULL DEFAULT 0 CHECK (current_found >= 0),
        stale_found integer NOT NULL DEFAULT 0 CHECK (stale_found >= 0),
        retired_found integer NOT NULL DEFAULT 0 CHECK (retired_found >= 0),
        unknown_found integer NOT NULL DEFAULT 0 CHECK (unknown_found >= 0),
        FOREIGN KEY (shelf_id, venue_id) REFERENCES shelves (id, venue_id),
        CONSTRAINT label_walks_state_check CHECK (
          (status = 'FINISHED') = (finished_at IS NOT NULL)
          AND labels_checked = current_found + stale_found + retired_found + unknown_found)
      );
      CREATE INDEX label_walks_venue_idx ON label_walks (venue_id, started_at DESC);
      CREATE INDEX label_walks_shelf_idx ON label_walks (shelf_id, started_at DESC);

      CREATE TABLE label_walk_checks (
        walk_id uuid NOT NULL REFERENCES label_walks(id),
        code text NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
        label_id uuid REFERENCES labels(id),
        result text NOT NULL CHECK (result IN ('CURRENT', 'STALE', 'RETIRED', 'UNKNOWN')),
        checked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (walk_id, code),
        CHECK ((result = 'UNKNOWN') = (label_id IS NULL))
      );

      -- A finished walk and its checks never change.
      CREATE FUNCTION xp_label_walk_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE walk_status text;
      BEGIN
        IF TG_TABLE_NAME = 'label_walks' THEN
          IF OLD.status = 'FINISHED' THEN
            RAISE EXCEPTION 'a finished walk never changes' USING ERRCODE = 'check_violation', CONSTRAINT = 'label_walks_transition';
          END IF;
          RETURN NEW;
        END IF;
        IF TG_OP = 'DELETE' THEN
          SELECT status INTO walk_status FROM label_walks WHERE id = OLD.walk_id;
        ELSE
          SELECT status INTO walk_status FROM label_walks WHERE id = NEW.walk_id;
        END IF;
        IF walk_status = 'FINISHED' THEN
          RAISE EXCEPTION 'a finished walk never changes' USING ERRCODE = 'check_violation', CONSTRAINT = 'label_walks_transition';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER label_walks_guard BEFORE UPDATE ON label_walks FOR EACH ROW EXECUTE FUNCTION xp_label_walk_guard();
      CREATE TRIGGER label_walk_checks_guard BEFORE INSERT OR UPDATE OR DELETE ON label_walk_checks
        FOR EACH ROW EXECUTE FUNCTION xp_label_walk_guard();

      -- Every view of the scan page and every listing download. High volume, append-only,
      -- partitioned by month of occurred_at (Shanghai months); a default partition catches
      -- anything outside the partitions made ahead.
      CREATE TABLE scan_events (
        occurred_at timestamptz NOT NULL,
        kind text NOT NULL CHECK (kind IN ('VIEW', 'LISTING')),
        label_id uuid NOT NULL,
        code text NOT NULL,
        venue_id uuid NOT NULL,
        slot_id uuid NOT NULL,
        sku_id uuid NOT NULL,
        factory_org_id uuid NOT NULL,
        -- HMAC-SHA-256 of a random first-party cookie, cut to 128 bits: no personal data
        device_hash text NOT NULL CHECK (device_hash ~ '^[0-9a-f]{32}$'),
        label_state text NOT NULL CHECK (label_state IN ('CURRENT', 'STALE', 'RETIRED')),
        export_format text CHECK (export_format IN ('JSON', 'CSV')),
        CHECK ((kind = 'LISTING') = (export_format IS NOT NULL)),
        FOREIGN KEY (label_id, code, venue_id, slot_id, sku_id, factory_org_id)
          REFERENCES labels (id, code, venue_id, slot_id, sku_id, factory_org_id)
      ) PARTITION BY RANGE (occurred_at);
      CREATE TABLE scan_events_default PARTITION OF scan_events DEFAULT;
      CREATE INDEX scan_events_venue_idx ON scan_events (venue_id, occurred_at);
      CREATE INDEX scan_events_factory_idx ON scan_events (factory_org_id, occurred_at);
      CREATE INDEX scan_events_label_idx ON scan_events (label_id, occurred_at);
      CREATE TRIGGER scan_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON scan_events
        FOR EACH STATEMENT EXECUTE FUNCTION xp_refuse_change();

      -- Makes the month partitions from the month of p_from for p_months months (Shanghai
      -- months: 00:00 +08:00 on the 1st); rows the default partition holds for a new month move
      -- into it. Safe to call concurrently and repeatedly; answers how many it made.
      CREATE FUNCTION xp_scan_events_ensure_partitions(p_from timestamptz, p_months integer) RETURNS integer
      LANGUAGE plpgsql AS $$
      DECLARE
        m date := date_trunc('month', p_from AT TIME ZONE 'Asia/Shanghai')::date;
        lo timestamptz;
        hi timestamptz;
        part text;
        made integer := 0;
      BEGIN
        FOR i IN 1..greatest(p_months, 0) LOOP
          part := format('scan_events_%s', to_char(m, 'YYYY_MM'));
          IF to_regclass(part) IS NULL THEN
            PERFORM pg_advisory_xact_lock(hashtext('xp_scan_events_partitions'));
            IF to_regclass(part) IS NULL THEN
              lo := m::timestamp AT TIME ZONE 'Asia/Shanghai';
              hi := (m + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai';
              EXECUTE format('CREATE TABLE %I (LIKE scan_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
              EXECUTE format('WITH moved AS (DELETE FROM scan_events_default WHERE occurred_at >= %L AND occurred_at < %L RETURNING *)
                              INSERT INTO %I SELECT * FROM moved', lo, hi, part);
              EXECUTE format('ALTER TABLE scan_events ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
              made := made + 1;
            END IF;
          END IF;
          m := (m + interval '1 month')::date;
        END LOOP;
        RETURN made;
      END $$;
      SELECT xp_scan_events_ensure_partitions(now() - interval '2 months', 6);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION xp_scan_events_ensure_partitions(timestamptz, integer);
      DROP TABLE scan_events;
      DROP TABLE label_walk_checks;
      DROP TABLE label_walks;
      DROP FUNCTION xp_label_walk_guard();
      DROP FUNCTION xp_label_staleness(uuid, uuid, uuid, uuid);
      DROP TABLE labels;
      DROP FUNCTION xp_label_guard();
      DROP TABLE label_print_job_files;
      DROP TABLE label_print_jobs;
      DROP FUNCTION xp_label_job_guard();
      ALTER TABLE price_sheet_lines DROP CONSTRAINT price_sheet_lines_id_venue_sku_key;
      ALTER TABLE slot_assignments DROP CONSTRAINT slot_assignments_id_slot_sku_key;
    `);
  }
}
