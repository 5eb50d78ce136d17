import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly settlements (结算) of a factory at a venue: the ledger's account of its units and
 * what the venue owes at the recorded supply prices. An issued month is closed: its lines are
 * frozen, and the ledger refuses movements dated inside it (PERIOD_CLOSED).
 */
export class Settlement1764750000000 implements MigrationInterface {
  name = 'Settlement1764750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE settlements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid NOT NULL,
        factory_org_id uuid NOT NULL,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'ISSUED', 'CONFIRMED', 'DISPUTED', 'PAID')),
        units_sold integer NOT NULL CHECK (units_sold >= 0),
        units_returned integer NOT NULL CHECK (units_returned >= 0),
        -- fen: what the venue owes the factory, what buyers paid, and the spread the venue keeps
        payable_amount bigint NOT NULL,
        wholesale_amount bigint NOT NULL,
        spread_amount bigint NOT NULL,
        generation integer NOT NULL DEFAULT 1 CHECK (generation >= 1),
        generated_at timestamptz NOT NULL,
        generated_by uuid REFERENCES users(id),
        issued_at timestamptz,
        issued_by uuid REFERENCES users(id),
        confirmed_at timestamptz,
        confirmed_by uuid REFERENCES users(id),
        disputed_at timestamptz,
        disputed_by uuid REFERENCES users(id),
        dispute_reason text CHECK (length(dispute_reason) <= 2000),
        paid_at timestamptz,
        paid_by uuid REFERENCES users(id),
        payment_reference text CHECK (length(payment_reference) <= 120),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (venue_id, factory_org_id) REFERENCES venue_factories (venue_id, factory_org_id),
        CONSTRAINT settlements_period_key UNIQUE (venue_id, factory_org_id, month),
        CHECK (period_end > period_start),
        CONSTRAINT settlements_spread_check CHECK (spread_amount = wholesale_amount - payable_amount),
        CHECK (status = 'DRAFT' OR issued_at IS NOT NULL),
        CHECK (status NOT IN ('CONFIRMED', 'PAID') OR confirmed_at IS NOT NULL),
        CHECK (status <> 'DISPUTED' OR (disputed_at IS NOT NULL AND dispute_reason IS NOT NULL)),
        CHECK ((paid_at IS NOT NULL) = (status = 'PAID'))
      );
      CREATE INDEX settlements_factory_idx ON settlements (factory_org_id, month DESC);
      CREATE INDEX settlements_venue_idx ON settlements (venue_id, month DESC, status);
      CREATE INDEX settlements_closed_idx ON settlements (venue_id, factory_org_id, period_end) WHERE status <> 'DRAFT';

      -- Per SKU, the ledger's account of the month; opening + in − out = closing, always.
      CREATE TABLE settlement_stock_lines (
        settlement_id uuid NOT NULL REFERENCES settlements(id),
        sku_id uuid NOT NULL REFERENCES skus(id),
        opening integer NOT NULL,
        received integer NOT NULL CHECK (received >= 0),
        sold integer NOT NULL CHECK (sold >= 0),
        returned integer NOT NULL CHECK (returned >= 0),
        returned_damaged integer NOT NULL CHECK (returned_damaged >= 0),
        returned_to_factory integer NOT NULL CHECK (returned_to_factory >= 0),
        written_off integer NOT NULL CHECK (written_off >= 0),
        adjusted_in integer NOT NULL CHECK (adjusted_in >= 0),
        adjusted_out integer NOT NULL CHECK (adjusted_out >= 0),
        closing integer NOT NULL,
        PRIMARY KEY (settlement_id, sku_id),
        CONSTRAINT settlement_stock_lines_reconciled_check CHECK (
          opening + received + returned + returned_damaged + adjusted_in
            - sold - returned_to_factory - written_off - adjusted_out = closing)
      );

      -- Per SKU and recorded price: units sold and returned in the month, and their money.
      CREATE TABLE settlement_sales_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        settlement_id uuid NOT NULL REFERENCES settlements(id),
        sku_id uuid NOT NULL REFERENCES skus(id),
        price_version_id uuid NOT NULL REFERENCES price_sheet_lines(id),
        supply_unit_price bigint NOT NULL CHECK (supply_unit_price > 0),
        wholesale_unit_price bigint NOT NULL CHECK (wholesale_unit_price >= supply_unit_price),
        units_sold integer NOT NULL CHECK (units_sold >= 0),
        units_returned integer NOT NULL CHECK (units_returned >= 0),
        payable_amount bigint GENERATED ALWAYS AS ((units_sold - units_returned)::bigint * supply_unit_price) STORED,
        wholesale_amount bigint GENERATED ALWAYS AS ((units_sold - units_returned)::bigint * wholesale_unit_price) STORED,
        spread_amount bigint GENERATED ALWAYS AS ((units_sold - units_returned)::bigint * (wholesale_unit_price - supply_unit_price)) STORED,
        CONSTRAINT settlement_sales_lines_price_key UNIQUE (settlement_id, sku_id, price_version_id, supply_unit_price, wholesale_unit_price)
      );
      CREATE INDEX settlement_sales_lines_settlement_idx ON settlement_sales_lines (settlement_id, sku_id);

      -- The workflow; and an issued statement's figures never change (only a disputed one goes
      -- back to DRAFT to be regenerated).
      CREATE FUNCTION xp_settlement_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'a settlement is never deleted' USING ERRCODE = 'check_violation', CONSTRAINT = 'settlements_transition';
        END IF;
        IF (NEW.venue_id, NEW.factory_org_id, NEW.month, NEW.period_start, NEW.period_end)
             IS DISTINCT FROM (OLD.venue_id, OLD.factory_org_id, OLD.month, OLD.period_start, OLD.period_end) THEN
          RAISE EXCEPTION 'a settlement keeps its venue, factory and month' USING ERRCODE = 'check_violation', CONSTRAINT = 'settlements_transition';
        END IF;
        IF OLD.status <> 'DRAFT' AND NEW.status <> 'DRAFT'
           AND (NEW.units_sold, NEW.units_returned, NEW.payable_amount, NEW.wholesale_amount, NEW.spread_amount, NEW.generation)
               IS DISTINCT FROM (OLD.units_sold, OLD.units_returned, OLD.payable_amount, OLD.wholesale_amount, OLD.spread_amount, OLD.generation) THEN
          RAISE EXCEPTION 'an issued settlement is closed: its figures never change'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'settlement_period_closed';
        END IF;
        IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (
             ('DRAFT', 'ISSUED'), ('ISSUED', 'CONFIRMED'), ('ISSUED', 'DISPUTED'),
             ('DISPUTED', 'DRAFT'), ('DISPUTED', 'ISSUED'), ('CONFIRMED', 'PAID')) THEN
          RAISE EXCEPTION 'a settlement cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'settlements_transition';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER settlements_guard BEFORE UPDATE OR DELETE ON settlements
        FOR EACH ROW EXECUTE FUNCTION xp_settlement_guard();

      -- Lines of a settlement change only while it is a DRAFT.
      CREATE FUNCTION xp_settlement_lines_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        parent uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.settlement_id ELSE NEW.settlement_id END;
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.settlement_id <> OLD.settlement_id THEN
          RAISE EXCEPTION 'a settlement line stays on its settlement' USING ERRCODE = 'check_violation', CONSTRAINT = 'settlement_period_closed';
        END IF;
        IF EXISTS (SELECT 1 FROM settlements WHERE id = parent AND status <> 'DRAFT') THEN
          RAISE EXCEPTION 'the settlement is issued: its lines are frozen'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'settlement_period_closed';
        END IF;
        IF TG_OP = 'DELETE' THEN
          RETURN OLD;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER settlement_stock_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON settlement_stock_lines
        FOR EACH ROW EXECUTE FUNCTION xp_settlement_lines_frozen();
      CREATE TRIGGER settlement_sales_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON settlement_sales_lines
        FOR EACH ROW EXECUTE FUNCTION xp_settlement_lines_frozen();
      CREATE TRIGGER settlement_stock_lines_no_truncate BEFORE TRUNCATE ON settlement_stock_lines
        FOR EACH STATEMENT EXECUTE FUNCTION xp_refuse_change();
      CREATE TRIGGER settlement_sales_lines_no_truncate BEFORE TRUNCATE ON settlement_sales_lines
        FOR EACH STATEMENT EXECUTE FUNCTION xp_refuse_change();

      -- The key of the lock between a factory's movements at a venue and issuing its statements.
      CREATE FUNCTION xp_settlement_lock_key(venue uuid, factory uuid) RETURNS bigint
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT hashtextextended('settlement:' || venue || ':' || factory, 0) $$;

      -- A movement that changes what a settlement counts may not be dated inside a closed month.
      -- It holds a shared lock until its transaction ends, so that issuing (which takes the lock
      -- exclusively) waits for movements in flight and then sees them. Requests date movements
      -- now, so only internal back-dating can hit a closed month; test builders that write
      -- history set xp.backdating = 'on' for their transaction to write it anyway.
      CREATE FUNCTION xp_stock_movement_period_open() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(xp_settlement_lock_key(NEW.venue_id, NEW.owner_factory_org_id));
        IF current_setting('xp.backdating', true) IS DISTINCT FROM 'on' AND EXISTS (SELECT 1 FROM settlements s
                   WHERE s.venue_id = NEW.venue_id AND s.factory_org_id = NEW.owner_factory_org_id
                     AND s.status <> 'DRAFT' AND s.period_start <= NEW.occurred_at AND s.period_end > NEW.occurred_at) THEN
          RAISE EXCEPTION 'the settlement month of % is closed for this factory at this venue', NEW.occurred_at
            USING ERRCODE = 'check_violation', CONSTRAINT = 'settlement_period_closed';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER stock_movements_period_open BEFORE INSERT ON stock_movements
        FOR EACH ROW WHEN (NEW.type NOT IN ('RESERVE', 'RELEASE', 'TRANSFER'))
        EXECUTE FUNCTION xp_stock_movement_period_open();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER stock_movements_period_open ON stock_movements;
      DROP FUNCTION xp_stock_movement_period_open();
      DROP FUNCTION xp_settlement_lock_key(uuid, uuid);
      DROP TABLE settlement_sales_lines; DROP TABLE settlement_stock_lines;
      DROP FUNCTION xp_settlement_lines_frozen();
      DROP TABLE settlements; DROP FUNCTION xp_settlement_guard();
    `);
  }
}
