import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Buyers and their member levels, wholesale orders with their lines (priced from a recorded
 * price version), returns under a recorded return policy, per-venue sales settings, and the
 * PostgreSQL-backed schedule of background jobs.
 */
export class Sales1764700000000 implements MigrationInterface {
  name = 'Sales1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- A wholesale buyer (批发买家), platform-wide. One mobile phone (or one WeChat id) is one buyer.
      CREATE TABLE buyers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shop_name text NOT NULL CHECK (length(shop_name) BETWEEN 1 AND 120),
        contact_name text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 60),
        phone text NOT NULL CONSTRAINT buyers_phone_check CHECK (phone ~ '^1[3-9][0-9]{9}$'),
        email text CHECK (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$'),
        wechat_id text CHECK (wechat_id ~ '^[A-Za-z][A-Za-z0-9_-]{5,19}$'),
        region_id uuid REFERENCES regions(id),
        city text NOT NULL CHECK (length(city) BETWEEN 1 AND 60),
        registered_venue_id uuid REFERENCES venues(id),
        member_level smallint NOT NULL DEFAULT 0 CHECK (member_level BETWEEN 0 AND 6),
        -- the basis of member_level: the month (its first day) and the amount in fen
        level_month date CHECK (extract(day FROM level_month) = 1),
        level_amount bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT buyers_phone_key UNIQUE (phone),
        CHECK ((level_month IS NULL) = (level_amount IS NULL))
      );
      CREATE UNIQUE INDEX buyers_wechat_key ON buyers (lower(wechat_id)) WHERE wechat_id IS NOT NULL;
      CREATE INDEX buyers_level_idx ON buyers (member_level, created_at DESC);
      CREATE INDEX buyers_region_idx ON buyers (region_id);
      CREATE INDEX buyers_shop_trgm_idx ON buyers USING gin (shop_name gin_trgm_ops);

      -- The venues a buyer registered with or ordered at: what its staff may see.
      CREATE TABLE buyer_venues (
        buyer_id uuid NOT NULL REFERENCES buyers(id),
        venue_id uuid NOT NULL REFERENCES venues(id),
        since timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (buyer_id, venue_id)
      );
      CREATE INDEX buyer_venues_venue_idx ON buyer_venues (venue_id, since DESC);

      -- The platform's member level thresholds (fen): L1 starts at ¥2,000 (L0 is under it); L2–L6 configurable.
      CREATE TABLE member_level_policy (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        thresholds bigint[] NOT NULL DEFAULT '{200000,1000000,3000000,10000000,30000000,100000000}',
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT member_level_policy_thresholds_check CHECK (
          cardinality(thresholds) = 6 AND array_position(thresholds, NULL) IS NULL AND thresholds[1] = 200000
          AND thresholds[1] < thresholds[2] AND thresholds[2] < thresholds[3] AND thresholds[3] < thresholds[4]
          AND thresholds[4] < thresholds[5] AND thresholds[5] < thresholds[6] AND thresholds[6] <= 100000000000)
      );
      INSERT INTO member_level_policy DEFAULT VALUES;

      -- One computation of member levels for a month (idempotent: one row per month).
      CREATE TABLE member_level_runs (
        month date PRIMARY KEY CHECK (extract(day FROM month) = 1),
        thresholds bigint[] NOT NULL,
        buyers_count integer NOT NULL CHECK (buyers_count >= 0),
        trigger text NOT NULL CHECK (trigger IN ('SCHEDULE', 'STARTUP', 'MANUAL', 'DEMO')),
        computed_by uuid REFERENCES users(id),
        computed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE buyer_member_levels (
        buyer_id uuid NOT NULL REFERENCES buyers(id),
        month date NOT NULL REFERENCES member_level_runs(month),
        level smallint NOT NULL CHECK (level BETWEEN 0 AND 6),
        amount bigint NOT NULL,
        PRIMARY KEY (buyer_id, month)
      );
      CREATE INDEX buyer_member_levels_month_idx ON buyer_member_levels (month, level);

      -- Sales rules a venue tunes: how long an unpaid order holds its stock.
      CREATE TABLE venue_sales_settings (
        venue_id uuid PRIMARY KEY REFERENCES venues(id),
        reservation_hold_minutes integer NOT NULL DEFAULT 1440
          CONSTRAINT venue_sales_settings_hold_check CHECK (reservation_hold_minutes BETWEEN 5 AND 43200),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- Return policies, versioned and never edited: a venue's own, or the platform default (venue_id NULL).
      CREATE TABLE return_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid REFERENCES venues(id),
        version integer NOT NULL CHECK (version >= 1),
        window_days integer NOT NULL CONSTRAINT return_policies_window_check CHECK (window_days BETWEEN 0 AND 30),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT return_policies_version_key UNIQUE NULLS NOT DISTINCT (venue_id, version)
      );
      CREATE TRIGGER return_policies_append_only BEFORE UPDATE OR DELETE ON return_policies
        FOR EACH ROW EXECUTE FUNCTION xp_refuse_change();
      INSERT INTO return_policies (venue_id, version, window_days, text) VALUES (NULL, 1, 7,
        '七天无理由退货：买家自签收次日起 7 天内可申请退货（质量问题、错发、运输破损也请在此期限内申请并说明情况），商品须保持原包装、不影响二次销售。退货数量不超过已签收数量减去已退数量；退款按下单时的批发价计算；场馆收货后按完好入库或残次品分别处理。');

      -- The price version a line records must be of the line's SKU at the line's venue.
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'price_sheet_lines_id_sku_venue_key') THEN
          ALTER TABLE price_sheet_lines ADD CONSTRAINT price_sheet_lines_id_sku_venue_key UNIQUE (id, sku_id, venue_id);
        END IF;
      END $$;

      CREATE SEQUENCE sales_order_number_seq;
      CREATE TABLE sales_orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_no text NOT NULL CONSTRAINT sales_orders_order_no_key UNIQUE,
        venue_id uuid NOT NULL REFERENCES venues(id),
        buyer_id uuid NOT NULL REFERENCES buyers(id),
        status text NOT NULL CHECK (status IN ('PLACED', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'EXPIRED')),
        total_amount bigint NOT NULL DEFAULT 0 CHECK (total_amount >= 0),
        note text CHECK (length(note) <= 2000),
        placed_at timestamptz NOT NULL,
        placed_by uuid REFERENCES users(id),
        expires_at timestamptz NOT NULL,
        paid_at timestamptz,
        paid_by uuid REFERENCES users(id),
        payment_reference text CHECK (length(payment_reference) <= 120),
        shipped_at timestamptz,
        shipped_by uuid REFERENCES users(id),
        delivered_at timestamptz,
        delivered_by uuid REFERENCES users(id),
        cancelled_at timestamptz,
        cancelled_by uuid REFERENCES users(id),
        cancel_reason text CHECK (length(cancel_reason) <= 2000),
        expired_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sales_orders_id_venue_key UNIQUE (id, venue_id),
        CHECK (expires_at > placed_at),
        CHECK (status NOT IN ('PAID', 'SHIPPED', 'DELIVERED') OR paid_at IS NOT NULL),
        CHECK (status NOT IN ('PLACED', 'EXPIRED') OR paid_at IS NULL),
        CHECK ((shipped_at IS NOT NULL) = (status IN ('SHIPPED', 'DELIVERED'))),
        CHECK ((delivered_at IS NOT NULL) = (status = 'DELIVERED')),
        CHECK ((cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL) = (status = 'CANCELLED')),
        CHECK ((expired_at IS NOT NULL) = (status = 'EXPIRED'))
      );
      CREATE INDEX sales_orders_venue_idx ON sales_orders (venue_id, placed_at DESC);
      CREATE INDEX sales_orders_venue_status_idx ON sales_orders (venue_id, status, placed_at DESC);
      CREATE INDEX sales_orders_buyer_idx ON sales_orders (buyer_id, placed_at DESC);
      CREATE INDEX sales_orders_expiry_idx ON sales_orders (expires_at) WHERE status = 'PLACED';
      CREATE INDEX sales_orders_delivered_idx ON sales_orders (delivered_at) WHERE delivered_at IS NOT NULL;
      CREATE INDEX sales_orders_shipped_idx ON sales_orders (venue_id, shipped_at) WHERE shipped_at IS NOT NULL;

      -- The order workflow, held here too so that no code path skips a step.
      CREATE FUNCTION xp_sales_order_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'a sales order is never deleted' USING ERRCODE = 'check_violation', CONSTRAINT = 'sales_orders_transition';
        END IF;
        -- (the total is written once, from the lines, right after they are inserted)
        IF (NEW.venue_id, NEW.buyer_id, NEW.order_no, NEW.placed_at) IS DISTINCT FROM (OLD.venue_id, OLD.buyer_id, OLD.order_no, OLD.placed_at)
           OR (NEW.total_amount <> OLD.total_amount AND OLD.total_amount <> 0) THEN
          RAISE EXCEPTION 'an order keeps its venue, buyer, number, time and total'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sales_orders_transition';
        END IF;
        IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (
             ('PLACED', 'PAID'), ('PLACED', 'CANCELLED'), ('PLACED', 'EXPIRED'),
             ('PAID', 'SHIPPED'), ('PAID', 'CANCELLED'), ('SHIPPED', 'DELIVERED')) THEN
          RAISE EXCEPTION 'a sales order cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sales_orders_transition';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER sales_orders_guard BEFORE UPDATE OR DELETE ON sales_orders
        FOR EACH ROW EXECUTE FUNCTION xp_sales_order_guard();

      CREATE TABLE sales_order_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL,
        venue_id uuid NOT NULL,
        line_no integer NOT NULL CHECK (line_no >= 1),
        sku_id uuid NOT NULL,
        factory_org_id uuid NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        moq integer NOT NULL CHECK (moq >= 1),
        pack_size integer NOT NULL CHECK (pack_size >= 1),
        price_version_id uuid NOT NULL,
        unit_price bigint NOT NULL CHECK (unit_price > 0),
        supply_unit_price bigint NOT NULL CHECK (supply_unit_price > 0),
        retail_price bigint NOT NULL CHECK (retail_price > 0),
        amount bigint GENERATED ALWAYS AS (quantity::bigint * unit_price) STORED,
        -- the shelf label a buyer scanned before ordering (the scan → order funnel)
        scan_code text CHECK (scan_code ~ '^[A-Za-z0-9_-]{4,64}$'),
        FOREIGN KEY (order_id, venue_id) REFERENCES sales_orders (id, venue_id),
        FOREIGN KEY (sku_id, factory_org_id) REFERENCES skus (id, factory_org_id),
        CONSTRAINT sales_order_lines_price_version_fkey FOREIGN KEY (price_version_id, sku_id, venue_id)
          REFERENCES price_sheet_lines (id, sku_id, venue_id),
        CONSTRAINT sales_order_lines_sku_key UNIQUE (order_id, sku_id),
        CONSTRAINT sales_order_lines_line_key UNIQUE (order_id, line_no),
        -- 起批量 and whole packs, in the database too
        CONSTRAINT sales_order_lines_quantity_moq_check CHECK (quantity >= moq AND quantity % pack_size = 0),
        CONSTRAINT sales_order_lines_price_check CHECK (supply_unit_price <= unit_price AND unit_price <= retail_price)
      );
      CREATE INDEX sales_order_lines_sku_idx ON sales_order_lines (sku_id, order_id);
      CREATE INDEX sales_order_lines_factory_idx ON sales_order_lines (factory_org_id, order_id);
      CREATE INDEX sales_order_lines_scan_code_idx ON sales_order_lines (scan_code) WHERE scan_code IS NOT NULL;
      CREATE INDEX sales_order_lines_price_version_idx ON sales_order_lines (price_version_id);
      CREATE TRIGGER sales_order_lines_append_only BEFORE UPDATE OR DELETE ON sales_order_lines
        FOR EACH ROW EXECUTE FUNCTION xp_refuse_change();

      CREATE SEQUENCE sales_return_number_seq;
      CREATE TABLE sales_returns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        return_no text NOT NULL CONSTRAINT sales_returns_return_no_key UNIQUE,
        order_id uuid NOT NULL,
        venue_id uuid NOT NULL,
        buyer_id uuid NOT NULL REFERENCES buyers(id),
        status text NOT NULL CHECK (status IN ('REQUESTED', 'RECEIVED', 'CANCELLED')),
        reason text NOT NULL CHECK (reason IN ('NO_REASON_7_DAYS', 'QUALITY_DEFECT', 'WRONG_ITEM', 'DAMAGED_IN_TRANSIT', 'OTHER')),
        note text CHECK (length(note) <= 2000),
        -- the policy it was requested under (an immutable, versioned row) and its window
        policy_id uuid NOT NULL REFERENCES return_policies(id),
        policy_window_days integer NOT NULL,
        amount bigint NOT NULL DEFAULT 0 CHECK (amount >= 0),
        requested_at timestamptz NOT NULL,
        requested_by uuid REFERENCES users(id),
        received_at timestamptz,
        received_by uuid REFERENCES users(id),
        cancelled_at timestamptz,
        cancelled_by uuid REFERENCES users(id),
        cancel_reason text CHECK (length(cancel_reason) <= 2000),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (order_id, venue_id) REFERENCES sales_orders (id, venue_id),
        CHECK (reason <> 'OTHER' OR note IS NOT NULL),
        CHECK ((received_at IS NOT NULL) = (status = 'RECEIVED')),
        CHECK ((cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL) = (status = 'CANCELLED'))
      );
      CREATE INDEX sales_returns_order_idx ON sales_returns (order_id);
      CREATE INDEX sales_returns_venue_idx ON sales_returns (venue_id, status, requested_at DESC);
      CREATE INDEX sales_returns_received_idx ON sales_returns (venue_id, received_at) WHERE received_at IS NOT NULL;
      CREATE INDEX sales_returns_received_at_idx ON sales_returns (received_at) WHERE received_at IS NOT NULL;

      CREATE FUNCTION xp_sales_return_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'a return is never deleted' USING ERRCODE = 'check_violation', CONSTRAINT = 'sales_returns_transition';
        END IF;
        IF (NEW.order_id, NEW.policy_id, NEW.reason, NEW.requested_at, NEW.return_no)
             IS DISTINCT FROM (OLD.order_id, OLD.policy_id, OLD.reason, OLD.requested_at, OLD.return_no)
           OR (NEW.amount <> OLD.amount AND OLD.amount <> 0) THEN
          RAISE EXCEPTION 'a return keeps its order, policy, reason, time and amount'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sales_returns_transition';
        END IF;
        IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (('REQUESTED', 'RECEIVED'), ('REQUESTED', 'CANCELLED')) THEN
          RAISE EXCEPTION 'a return cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sales_returns_transition';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER sales_returns_guard BEFORE UPDATE OR DELETE ON sales_returns
        FOR EACH ROW EXECUTE FUNCTION xp_sales_return_guard();

      CREATE TABLE sales_return_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        return_id uuid NOT NULL REFERENCES sales_returns(id),
        order_line_id uuid NOT NULL REFERENCES sales_order_lines(id),
        line_no integer NOT NULL CHECK (line_no >= 1),
        sku_id uuid NOT NULL,
        factory_org_id uuid NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        -- where the goods went when received: back to stock, or DAMAGED
        location text CHECK (location IN ('WAREHOUSE', 'DAMAGED')),
        FOREIGN KEY (sku_id, factory_org_id) REFERENCES skus (id, factory_org_id),
        CONSTRAINT sales_return_lines_order_line_key UNIQUE (return_id, order_line_id),
        CONSTRAINT sales_return_lines_line_key UNIQUE (return_id, line_no)
      );
      CREATE INDEX sales_return_lines_order_line_idx ON sales_return_lines (order_line_id);

      -- Lines keep what was asked; only the location is set, once, when the goods arrive.
      -- A line never returns more than its order line delivered, less what other returns took.
      CREATE FUNCTION xp_sales_return_line_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ordered integer;
        taken integer;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'a return line is never deleted' USING ERRCODE = 'check_violation', CONSTRAINT = 'sales_returns_transition';
        END IF;
        IF TG_OP = 'UPDATE' THEN
          IF (NEW.return_id, NEW.order_line_id, NEW.sku_id, NEW.quantity) IS DISTINCT FROM (OLD.return_id, OLD.order_line_id, OLD.sku_id, OLD.quantity)
             OR OLD.location IS NOT NULL THEN
            RAISE EXCEPTION 'a return line keeps what was asked' USING ERRCODE = 'check_violation', CONSTRAINT = 'sales_returns_transition';
          END IF;
          RETURN NEW;
        END IF;
        SELECT l.quantity INTO ordered FROM sales_order_lines l WHERE l.id = NEW.order_line_id AND l.sku_id = NEW.sku_id;
        SELECT COALESCE(sum(rl.quantity), 0) INTO taken FROM sales_return_lines rl JOIN sales_returns r ON r.id = rl.return_id
          WHERE rl.order_line_id = NEW.order_line_id AND r.status <> 'CANCELLED' AND rl.id <> NEW.id;
        IF ordered IS NULL OR taken + NEW.quantity > ordered THEN
          RAISE EXCEPTION 'return quantity % exceeds what is left to return', NEW.quantity
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sales_return_lines_quantity_check';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER sales_return_lines_guard BEFORE INSERT OR UPDATE OR DELETE ON sales_return_lines
        FOR EACH ROW EXECUTE FUNCTION xp_sales_return_line_guard();

      -- Background jobs run from PostgreSQL: each has its next run; a runner claims a due job
      -- with FOR UPDATE SKIP LOCKED, so one replica runs it, and a missed run is run at start.
      CREATE TABLE scheduled_jobs (
        name text PRIMARY KEY CHECK (name ~ '^[a-z][a-zA-Z0-9.]{2,60}$'),
        next_run_at timestamptz NOT NULL,
        last_started_at timestamptz,
        last_finished_at timestamptz,
        last_error text,
        runs integer NOT NULL DEFAULT 0
      );
      INSERT INTO scheduled_jobs (name, next_run_at) VALUES
        ('sales.memberLevels', (date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') + interval '1 month') AT TIME ZONE 'Asia/Shanghai'),
        ('sales.expireReservations', now());
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE scheduled_jobs;
      DROP TABLE sales_return_lines; DROP FUNCTION xp_sales_return_line_guard();
      DROP TABLE sales_returns; DROP FUNCTION xp_sales_return_guard(); DROP SEQUENCE sales_return_number_seq;
      DROP TABLE sales_order_lines;
      DROP TABLE sales_orders; DROP FUNCTION xp_sales_order_guard(); DROP SEQUENCE sales_order_number_seq;
      ALTER TABLE price_sheet_lines DROP CONSTRAINT price_sheet_lines_id_sku_venue_key;
      DROP TABLE return_policies; DROP TABLE venue_sales_settings;
      DROP TABLE buyer_member_levels; DROP TABLE member_level_runs; DROP TABLE member_level_policy;
      DROP TABLE buyer_venues; DROP TABLE buyers;
    `);
  }
}
