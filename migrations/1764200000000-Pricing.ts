import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Price sheets, their lines (each approved line is a price version), markup policies and the
 * per-venue pricing settings.
 *
 * Tiers are parallel arrays in the line's row (tier_quantities int[], supply_prices bigint[],
 * wholesale_prices bigint[]) rather than a child table or jsonb: an effective-price lookup for an
 * order line or a label is one index probe that returns the whole tier set without a join or an
 * aggregate; the values are typed bigint fen (jsonb numbers are numeric and would admit 12.5);
 * and the whole tier shape (increasing quantities, non-increasing prices, wholesale ≥ supply of
 * the same tier, ≤ retail, ≥ an approved floor) is one CHECK per row, where a child table would
 * need deferred triggers across rows. Supply and wholesale tiers share the quantity breaks.
 */
export class Pricing1764200000000 implements MigrationInterface {
  name = 'Pricing1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- 1 to 10 tiers: quantities > 0 strictly increasing, unit prices > 0 never increasing.
      CREATE FUNCTION xp_price_tiers_valid(quantities int[], prices bigint[]) RETURNS boolean
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE n int := cardinality(quantities);
      BEGIN
        IF quantities IS NULL OR prices IS NULL THEN RETURN NULL; END IF;
        IF array_ndims(quantities) <> 1 OR array_ndims(prices) <> 1 OR n NOT BETWEEN 1 AND 10
           OR cardinality(prices) <> n OR array_lower(quantities, 1) <> 1 OR array_lower(prices, 1) <> 1
           OR array_position(quantities, NULL) IS NOT NULL OR array_position(prices, NULL) IS NOT NULL
           OR quantities[1] <= 0 OR prices[n] <= 0 THEN
          RETURN false;
        END IF;
        FOR i IN 2..n LOOP
          IF quantities[i] <= quantities[i - 1] OR prices[i] > prices[i - 1] THEN RETURN false; END IF;
        END LOOP;
        RETURN true;
      END $$;

      -- Every a[i] >= b[i] (arrays of the same length).
      CREATE FUNCTION xp_prices_at_least(a bigint[], b bigint[]) RETURNS boolean
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT cardinality(a) = cardinality(b)
           AND NOT EXISTS (SELECT 1 FROM generate_subscripts(a, 1) AS i WHERE a[i] < b[i])
      $$;

      -- Lets price lines insist that a SKU is one of the sheet's factory's own.
      CREATE UNIQUE INDEX skus_id_factory_pricing_key ON skus (id, factory_org_id);

      CREATE TABLE price_sheets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid NOT NULL REFERENCES venues(id),
        factory_org_id uuid NOT NULL,
        version_no integer NOT NULL CHECK (version_no > 0),
        effective_from date NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'FLOOR_REVIEW',
                                                             'APPROVED', 'PARTIALLY_APPROVED', 'REJECTED')),
        note text CHECK (length(note) <= 2000),
        source_document_id uuid REFERENCES documents(id),
        created_by uuid REFERENCES users(id),
        submitted_by uuid REFERENCES users(id),
        submitted_at timestamptz,
        reviewed_by uuid REFERENCES users(id),
        reviewed_at timestamptz,
        finalized_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- only a factory admitted to the venue has sheets there
        FOREIGN KEY (venue_id, factory_org_id) REFERENCES venue_factories (venue_id, factory_org_id),
        CONSTRAINT price_sheets_version_key UNIQUE (venue_id, factory_org_id, version_no),
        CONSTRAINT price_sheets_line_ref_key UNIQUE (id, venue_id, factory_org_id, effective_from),
        -- a sheet takes effect on the day it is submitted or later, never in the past
        CONSTRAINT price_sheets_effective_from_check
          CHECK (submitted_at IS NULL OR effective_from >= (submitted_at AT TIME ZONE 'Asia/Shanghai')::date),
        CONSTRAINT price_sheets_submitted_check CHECK ((status = 'DRAFT') = (submitted_at IS NULL)),
        CONSTRAINT price_sheets_reviewed_check CHECK ((status IN ('DRAFT', 'SUBMITTED')) = (reviewed_at IS NULL)),
        CONSTRAINT price_sheets_finalized_check
          CHECK ((status IN ('APPROVED', 'PARTIALLY_APPROVED', 'REJECTED')) = (finalized_at IS NOT NULL)),
        CONSTRAINT price_sheets_reviewer_check CHECK (reviewed_by IS NULL OR reviewed_by IS DISTINCT FROM submitted_by)
      );
      CREATE INDEX price_sheets_queue_idx ON price_sheets (venue_id, status, submitted_at);
      CREATE INDEX price_sheets_factory_idx ON price_sheets (factory_org_id, created_at DESC);
      CREATE INDEX price_sheets_status_idx ON price_sheets (status, created_at DESC);
      CREATE INDEX price_sheets_effective_idx ON price_sheets (venue_id, effective_from);

      -- One explicit map of the workflow, also held here so that no code path can skip a step;
      -- and a sheet's venue, factory and date are fixed once it leaves DRAFT.
      CREATE FUNCTION xp_price_sheet_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status <> 'DRAFT' THEN
            RAISE EXCEPTION 'only a DRAFT price sheet can be deleted'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'price_sheets_transition';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.status <> 'DRAFT' AND (NEW.venue_id, NEW.factory_org_id, NEW.effective_from, NEW.version_no)
             IS DISTINCT FROM (OLD.venue_id, OLD.factory_org_id, OLD.effective_from, OLD.version_no) THEN
          RAISE EXCEPTION 'a submitted price sheet keeps its venue, factory, version and date'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'price_sheets_transition';
        END IF;
        IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (
             ('DRAFT', 'SUBMITTED'),
             ('SUBMITTED', 'FLOOR_REVIEW'), ('SUBMITTED', 'APPROVED'),
             ('SUBMITTED', 'PARTIALLY_APPROVED'), ('SUBMITTED', 'REJECTED'),
             ('FLOOR_REVIEW', 'APPROVED'), ('FLOOR_REVIEW', 'PARTIALLY_APPROVED')) THEN
          RAISE EXCEPTION 'a price sheet cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'price_sheets_transition';
        END IF;
        -- Submitting: the floor and MOQ rules that need other tables, checked here as a backstop.
        IF OLD.status = 'DRAFT' AND NEW.status = 'SUBMITTED' THEN
          IF EXISTS (SELECT 1 FROM price_sheet_lines l JOIN skus s ON s.id = l.sku_id
                     WHERE l.sheet_id = NEW.id AND l.tier_quantities[1] <> s.moq) THEN
            RAISE EXCEPTION 'the first tier of every line starts at its SKU''s MOQ'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'price_sheet_lines_moq_check';
          END IF;
          IF EXISTS (SELECT 1 FROM price_sheet_lines l
                     JOIN skus s ON s.id = l.sku_id
                     JOIN products p ON p.id = s.product_id
                     LEFT JOIN brands b ON b.id = p.brand_id
                     WHERE l.sheet_id = NEW.id AND l.requested_floor IS NOT NULL
                       AND (b.id IS NULL OR b.status <> 'VERIFIED' OR b.factory_org_id <> NEW.factory_org_id)) THEN
            RAISE EXCEPTION 'a price floor is only for SKUs of the factory''s own verified brand'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'price_sheet_lines_floor_brand_check';
          END IF;
          IF NOT EXISTS (SELECT 1 FROM price_sheet_lines l WHERE l.sheet_id = NEW.id) THEN
            RAISE EXCEPTION 'a price sheet needs at least one line'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'price_sheets_lines_check';
          END IF;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER price_sheets_guard BEFORE UPDATE OR DELETE ON price_sheets
        FOR EACH ROW EXECUTE FUNCTION xp_price_sheet_guard();

      -- A line is one SKU of the sheet; once approved (approved_at set) it is a price version
      -- that orders, labels and reports point to by its id, and it never changes again.
      CREATE SEQUENCE price_version_seq;
      CREATE TABLE price_sheet_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sheet_id uuid NOT NULL,
        venue_id uuid NOT NULL,
        factory_org_id uuid NOT NULL,
        effective_from date NOT NULL,
        line_no integer NOT NULL CHECK (line_no > 0),
        sku_id uuid NOT NULL,
        tier_quantities integer[] NOT NULL,
        supply_prices bigint[] NOT NULL,
        retail_price bigint NOT NULL CHECK (retail_price > 0),
        requested_floor bigint CHECK (requested_floor > 0),
        decision text CHECK (decision IN ('APPROVED', 'REJECTED')),
        decision_reason text CHECK (length(decision_reason) <= 500),
        wholesale_prices bigint[],
        floor_status text CHECK (floor_status IN ('PENDING', 'APPROVED', 'REJECTED')),
        floor_reason text CHECK (length(floor_reason) <= 500),
        floor_decided_by uuid REFERENCES users(id),
        floor_decided_at timestamptz,
        approved_at timestamptz,
        approval_seq bigint CONSTRAINT price_sheet_lines_approval_seq_key UNIQUE,
        -- venue, factory and date follow the sheet (kept here so the version lookup is one index)
        FOREIGN KEY (sheet_id, venue_id, factory_org_id, effective_from)
          REFERENCES price_sheets (id, venue_id, factory_org_id, effective_from) ON UPDATE CASCADE ON DELETE CASCADE,
        -- the SKU is one of the sheet's factory's own
        FOREIGN KEY (sku_id, factory_org_id) REFERENCES skus (id, factory_org_id),
        CONSTRAINT price_sheet_lines_sku_key UNIQUE (sheet_id, sku_id),
        CONSTRAINT price_sheet_lines_line_no_key UNIQUE (sheet_id, line_no),
        CONSTRAINT price_sheet_lines_tiers_check CHECK (xp_price_tiers_valid(tier_quantities, supply_prices)),
        -- a factory never sells to consumers below its wholesale price (prices never rise with
        -- quantity, so the first tier is the highest)
        CONSTRAINT price_sheet_lines_retail_check CHECK (supply_prices[1] <= retail_price),
        CONSTRAINT price_sheet_lines_floor_check CHECK (requested_floor <= retail_price),
        CONSTRAINT price_sheet_lines_wholesale_check CHECK (
          wholesale_prices IS NULL OR (xp_price_tiers_valid(tier_quantities, wholesale_prices)
                                       AND xp_prices_at_least(wholesale_prices, supply_prices)
                                       AND wholesale_prices[1] <= retail_price)),
        CONSTRAINT price_sheet_lines_wholesale_floor_check CHECK (
          floor_status IS DISTINCT FROM 'APPROVED'
          OR wholesale_prices[cardinality(wholesale_prices)] >= requested_floor),
        CONSTRAINT price_sheet_lines_decided_check CHECK (
          (decision IS NOT DISTINCT FROM 'APPROVED') = (wholesale_prices IS NOT NULL)
          AND (decision IS DISTINCT FROM 'REJECTED' OR decision_reason IS NOT NULL)),
        CONSTRAINT price_sheet_lines_floor_state_check CHECK (
          (requested_floor IS NULL) = (floor_status IS NULL)
          AND (floor_status IS DISTINCT FROM 'REJECTED' OR floor_reason IS NOT NULL)
          AND ((floor_status IN ('APPROVED', 'REJECTED')) IS NOT FALSE OR floor_decided_at IS NULL)
          AND (floor_status IS DISTINCT FROM 'APPROVED' OR floor_decided_by IS NOT NULL)),
        CONSTRAINT price_sheet_lines_version_check CHECK (
          (approved_at IS NULL) = (approval_seq IS NULL)
          AND (approved_at IS NULL OR (decision = 'APPROVED' AND floor_status IS DISTINCT FROM 'PENDING')))
      );
      -- "The latest approved version of venue × SKU whose date has come": walk this venue × SKU's
      -- versions newest approval first, reading effective_from and approved_at from the index.
      CREATE INDEX price_versions_lookup_idx ON price_sheet_lines (venue_id, sku_id, approval_seq DESC)
        INCLUDE (effective_from, approved_at) WHERE approval_seq IS NOT NULL;
      CREATE INDEX price_sheet_lines_sku_idx ON price_sheet_lines (sku_id);

      -- Lines change only while their sheet is a DRAFT (proposal) or under review (decisions);
      -- a price version never changes; a floor is approved by a second pair of eyes.
      CREATE FUNCTION xp_price_line_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE sheet price_sheets%ROWTYPE;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.approval_seq IS NOT NULL THEN
            RAISE EXCEPTION 'a price version is never removed'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'price_versions_immutable';
          END IF;
          RETURN OLD;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.approval_seq IS NOT NULL THEN
          RAISE EXCEPTION 'a price version never changes'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'price_versions_immutable';
        END IF;
        SELECT * INTO sheet FROM price_sheets WHERE id = NEW.sheet_id;
        IF TG_OP = 'INSERT' THEN
          IF sheet.status <> 'DRAFT' OR NEW.decision IS NOT NULL OR NEW.approval_seq IS NOT NULL
             OR NEW.floor_status IS DISTINCT FROM (CASE WHEN NEW.requested_floor IS NULL THEN NULL ELSE 'PENDING' END) THEN
            RAISE EXCEPTION 'lines are added to a DRAFT sheet, undecided'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'price_sheet_lines_draft_check';
          END IF;
          RETURN NEW;
        END IF;
        IF sheet.status <> 'DRAFT' AND (NEW.sku_id, NEW.line_no, NEW.tier_quantities, NEW.supply_prices,
                                        NEW.retail_price, NEW.requested_floor)
             IS DISTINCT FROM (OLD.sku_id, OLD.line_no, OLD.tier_quantities, OLD.supply_prices,
                               OLD.retail_price, OLD.requested_floor) THEN
          RAISE EXCEPTION 'a submitted line keeps what the factory proposed'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'price_sheet_lines_draft_check';
        END IF;
        IF sheet.status NOT IN ('SUBMITTED', 'FLOOR_REVIEW')
           AND (NEW.decision, NEW.wholesale_prices, NEW.floor_status, NEW.approval_seq)
             IS DISTINCT FROM (OLD.decision, OLD.wholesale_prices, OLD.floor_status, OLD.approval_seq) THEN
          RAISE EXCEPTION 'lines are decided only while their sheet is under review'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'price_sheet_lines_draft_check';
        END IF;
        IF NEW.floor_status = 'APPROVED' AND OLD.floor_status IS DISTINCT FROM 'APPROVED'
           AND (NEW.floor_decided_by = sheet.submitted_by OR NEW.floor_decided_by = sheet.reviewed_by
                OR sheet.reviewed_by IS NULL) THEN
          RAISE EXCEPTION 'a price floor is approved by someone who neither submitted nor first reviewed the sheet'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'price_floor_four_eyes_check';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER price_sheet_lines_guard BEFORE INSERT OR UPDATE OR DELETE ON price_sheet_lines
        FOR EACH ROW EXECUTE FUNCTION xp_price_line_guard();

      -- The venue's markup over the supply price, per category (NULL: the venue's default), in
      -- basis points; it pre-fills the wholesale tiers a reviewer sets.
      CREATE TABLE price_markup_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid NOT NULL REFERENCES venues(id),
        category_id uuid REFERENCES categories(id),
        markup_bp integer NOT NULL CHECK (markup_bp BETWEEN 0 AND 100000),
        updated_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT price_markup_policies_venue_category_key UNIQUE NULLS NOT DISTINCT (venue_id, category_id)
      );

      -- Per-venue pricing settings; a venue without a row uses the defaults (±20 %).
      CREATE TABLE venue_pricing_settings (
        venue_id uuid PRIMARY KEY REFERENCES venues(id),
        large_change_bp integer NOT NULL DEFAULT 2000 CHECK (large_change_bp BETWEEN 1 AND 100000),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE venue_pricing_settings; DROP TABLE price_markup_policies;
      DROP TABLE price_sheet_lines; DROP SEQUENCE price_version_seq; DROP TABLE price_sheets;
      DROP FUNCTION xp_price_line_guard(); DROP FUNCTION xp_price_sheet_guard();
      DROP INDEX skus_id_factory_pricing_key;
      DROP FUNCTION xp_prices_at_least(bigint[], bigint[]); DROP FUNCTION xp_price_tiers_valid(int[], bigint[]);
    `);
  }
}
