import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consignment stock: locations per venue, the append-only movement ledger grouped in
 * idempotent operations, balances kept with it, consignment receipts and stock counts.
 */
export class Stock1764500000000 implements MigrationInterface {
  name = 'Stock1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Movements name a SKU together with its owner, so that the owner is the SKU's factory.
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'skus_id_factory_key') THEN
          ALTER TABLE skus ADD CONSTRAINT skus_id_factory_key UNIQUE (id, factory_org_id);
        END IF;
      END $$;

      CREATE TABLE stock_locations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid NOT NULL REFERENCES venues(id),
        kind text NOT NULL CHECK (kind IN ('WAREHOUSE', 'SHOWROOM', 'IN_TRANSIT', 'DAMAGED')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT stock_locations_venue_kind_key UNIQUE (venue_id, kind)
      );

      -- Stock rules a venue may tune; one row per venue.
      CREATE TABLE venue_stock_settings (
        venue_id uuid PRIMARY KEY REFERENCES venues(id),
        -- a count line whose |counted - expected| exceeds this many units needs an OPERATOR_ADMIN
        count_variance_threshold integer NOT NULL DEFAULT 5
          CONSTRAINT venue_stock_settings_threshold_check CHECK (count_variance_threshold BETWEEN 0 AND 1000000),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- Every venue has its four locations and its settings, from the moment it exists.
      CREATE FUNCTION xp_venue_stock_setup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO stock_locations (venue_id, kind, name) VALUES
          (NEW.id, 'WAREHOUSE', '仓库'), (NEW.id, 'SHOWROOM', '展厅样品'),
          (NEW.id, 'IN_TRANSIT', '在途'), (NEW.id, 'DAMAGED', '残次品')
        ON CONFLICT DO NOTHING;
        INSERT INTO venue_stock_settings (venue_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE TRIGGER venues_stock_setup AFTER INSERT ON venues
        FOR EACH ROW EXECUTE FUNCTION xp_venue_stock_setup();
      INSERT INTO stock_locations (venue_id, kind, name)
        SELECT v.id, k.kind, k.name FROM venues v
        CROSS JOIN (VALUES ('WAREHOUSE', '仓库'), ('SHOWROOM', '展厅样品'), ('IN_TRANSIT', '在途'), ('DAMAGED', '残次品')) AS k(kind, name)
        ON CONFLICT DO NOTHING;
      INSERT INTO venue_stock_settings (venue_id) SELECT id FROM venues ON CONFLICT DO NOTHING;

      -- One stock-changing request: its idempotency key is unique, so a replay finds it and
      -- moves nothing. Its movements follow it in the same transaction.
      CREATE TABLE stock_operations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL CHECK (idempotency_key ~ '^[A-Za-z0-9._:-]{8,128}$'),
        venue_id uuid NOT NULL REFERENCES venues(id),
        action text NOT NULL CHECK (length(action) BETWEEN 1 AND 60),
        request_hash text NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
        reference_type text CHECK (length(reference_type) BETWEEN 1 AND 60),
        reference_id uuid,
        actor_user_id uuid REFERENCES users(id),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT stock_operations_idempotency_key_key UNIQUE (idempotency_key),
        CONSTRAINT stock_operations_id_venue_key UNIQUE (id, venue_id),
        CHECK ((reference_type IS NULL) = (reference_id IS NULL))
      );
      CREATE INDEX stock_operations_reference_idx ON stock_operations (reference_type, reference_id);
      CREATE INDEX stock_operations_venue_idx ON stock_operations (venue_id, occurred_at DESC);

      CREATE TABLE stock_movements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL,
        line_no integer NOT NULL CHECK (line_no >= 1),
        venue_id uuid NOT NULL,
        sku_id uuid NOT NULL,
        owner_factory_org_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('CONSIGN_IN', 'TRANSFER', 'RESERVE', 'RELEASE', 'SALE', 'CUSTOMER_RETURN',
                                           'RETURN_TO_FACTORY', 'ADJUSTMENT', 'WRITE_OFF')),
        from_location text,
        to_location text,
        quantity integer NOT NULL CONSTRAINT stock_movements_quantity_check CHECK (quantity > 0),
        reference_type text CHECK (length(reference_type) BETWEEN 1 AND 60),
        reference_id uuid,
        actor_user_id uuid REFERENCES users(id),
        note text CHECK (length(note) <= 500),
        occurred_at timestamptz NOT NULL,
        CONSTRAINT stock_movements_operation_line_key UNIQUE (operation_id, line_no),
        FOREIGN KEY (operation_id, venue_id) REFERENCES stock_operations (id, venue_id),
        -- the owner is the SKU's own factory, and that factory has an admission at the venue
        CONSTRAINT stock_movements_owner_fkey FOREIGN KEY (sku_id, owner_factory_org_id) REFERENCES skus (id, factory_org_id),
        CONSTRAINT stock_movements_admission_fkey FOREIGN KEY (venue_id, owner_factory_org_id)
          REFERENCES venue_factories (venue_id, factory_org_id),
        FOREIGN KEY (venue_id, from_location) REFERENCES stock_locations (venue_id, kind),
        FOREIGN KEY (venue_id, to_location) REFERENCES stock_locations (venue_id, kind),
        -- which ends a movement has: NULL is outside the venue
        CONSTRAINT stock_movements_locations_check CHECK (CASE type
          WHEN 'CONSIGN_IN' THEN from_location IS NULL AND to_location IS NOT NULL
          WHEN 'CUSTOMER_RETURN' THEN from_location IS NULL AND to_location IN ('WAREHOUSE', 'DAMAGED')
          WHEN 'TRANSFER' THEN from_location IS NOT NULL AND to_location IS NOT NULL AND from_location <> to_location
          WHEN 'RESERVE' THEN from_location IS NOT NULL AND to_location = from_location
          WHEN 'RELEASE' THEN from_location IS NOT NULL AND to_location = from_location
          WHEN 'ADJUSTMENT' THEN (from_location IS NULL) <> (to_location IS NULL)
          ELSE from_location IS NOT NULL AND to_location IS NULL
        END),
        CHECK ((reference_type IS NULL) = (reference_id IS NULL))
      );
      CREATE INDEX stock_movements_venue_idx ON stock_movements (venue_id, occurred_at DESC);
      CREATE INDEX stock_movements_venue_type_idx ON stock_movements (venue_id, type, occurred_at DESC);
      CREATE INDEX stock_movements_owner_idx ON stock_movements (owner_factory_org_id, occurred_at DESC);
      CREATE INDEX stock_movements_sku_idx ON stock_movements (sku_id, occurred_at DESC);
      CREATE INDEX stock_movements_reference_idx ON stock_movements (reference_type, reference_id);
      -- stock age: a venue's inbound and outbound movements per SKU, by time
      CREATE INDEX stock_movements_age_idx ON stock_movements (venue_id, sku_id, type, occurred_at);

      -- Stock comes in only from a factory admitted (APPROVED) to the venue.
      CREATE FUNCTION xp_stock_movement_admitted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM venue_factories
                       WHERE venue_id = NEW.venue_id AND factory_org_id = NEW.owner_factory_org_id AND status = 'APPROVED') THEN
          RAISE EXCEPTION 'stock_movements_admission_check: factory % is not admitted to venue %', NEW.owner_factory_org_id, NEW.venue_id
            USING ERRCODE = '23514', CONSTRAINT = 'stock_movements_admission_check', TABLE = 'stock_movements';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER stock_movements_admitted BEFORE INSERT ON stock_movements
        FOR EACH ROW WHEN (NEW.type = 'CONSIGN_IN') EXECUTE FUNCTION xp_stock_movement_admitted();

      CREATE TRIGGER stock_operations_append_only BEFORE UPDATE OR DELETE ON stock_operations
        FOR EACH ROW EXECUTE FUNCTION xp_refuse_change();
      CREATE TRIGGER stock_operations_no_truncate BEFORE TRUNCATE ON stock_operations
        FOR EACH STATEMENT EXECUTE FUNCTION xp_refuse_change();
      CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
        FOR EACH ROW EXECUTE FUNCTION xp_refuse_change();
      CREATE TRIGGER stock_movements_no_truncate BEFORE TRUNCATE ON stock_movements
        FOR EACH STATEMENT EXECUTE FUNCTION xp_refuse_change();

      -- What is where now: changed only with its movements, in the same transaction.
      CREATE TABLE stock_balances (
        id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT stock_balances_id_key UNIQUE,
        venue_id uuid NOT NULL,
        sku_id uuid NOT NULL,
        location text NOT NULL,
        owner_factory_org_id uuid NOT NULL,
        on_hand integer NOT NULL DEFAULT 0 CONSTRAINT stock_balances_on_hand_check CHECK (on_hand >= 0),
        reserved integer NOT NULL DEFAULT 0 CONSTRAINT stock_balances_reserved_check CHECK (reserved >= 0 AND reserved <= on_hand),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (venue_id, sku_id, location),
        FOREIGN KEY (sku_id, owner_factory_org_id) REFERENCES skus (id, factory_org_id),
        FOREIGN KEY (venue_id, owner_factory_org_id) REFERENCES venue_factories (venue_id, factory_org_id),
        FOREIGN KEY (venue_id, location) REFERENCES stock_locations (venue_id, kind)
      );
      CREATE INDEX stock_balances_owner_idx ON stock_balances (owner_factory_org_id, venue_id);
      CREATE INDEX stock_balances_sku_idx ON stock_balances (sku_id);
      CREATE INDEX stock_balances_location_idx ON stock_balances (venue_id, location);

      -- Balances recomputed from the ledger that differ from stock_balances: empty when consistent.
      CREATE VIEW stock_ledger_discrepancies AS
      WITH effects AS (
        SELECT venue_id, sku_id, to_location AS location, quantity AS on_hand, 0 AS reserved
          FROM stock_movements WHERE to_location IS NOT NULL AND type NOT IN ('RESERVE', 'RELEASE')
        UNION ALL
        SELECT venue_id, sku_id, from_location, -quantity, CASE WHEN type = 'SALE' THEN -quantity ELSE 0 END
          FROM stock_movements WHERE from_location IS NOT NULL AND type NOT IN ('RESERVE', 'RELEASE')
        UNION ALL
        SELECT venue_id, sku_id, from_location, 0, CASE WHEN type = 'RESERVE' THEN quantity ELSE -quantity END
          FROM stock_movements WHERE type IN ('RESERVE', 'RELEASE')
      ), ledger AS (
        SELECT venue_id, sku_id, location, sum(on_hand)::int AS on_hand, sum(reserved)::int AS reserved
        FROM effects GROUP BY venue_id, sku_id, location
      )
      SELECT venue_id, sku_id, location,
             COALESCE(l.on_hand, 0) AS ledger_on_hand, COALESCE(b.on_hand, 0) AS balance_on_hand,
             COALESCE(l.reserved, 0) AS ledger_reserved, COALESCE(b.reserved, 0) AS balance_reserved
      FROM ledger l FULL JOIN stock_balances b USING (venue_id, sku_id, location)
      WHERE COALESCE(l.on_hand, 0) <> COALESCE(b.on_hand, 0) OR COALESCE(l.reserved, 0) <> COALESCE(b.reserved, 0);

      -- A factory's delivery note (送货单): declared quantities, then what the warehouse received.
      CREATE TABLE consignment_receipts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid NOT NULL,
        factory_org_id uuid NOT NULL,
        delivery_note_no text NOT NULL CHECK (delivery_note_no ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$'),
        status text NOT NULL DEFAULT 'DECLARED' CHECK (status IN ('DECLARED', 'RECEIVED', 'CANCELLED')),
        expected_on date,
        note text CHECK (length(note) <= 2000),
        declared_by uuid REFERENCES users(id),
        declared_at timestamptz NOT NULL DEFAULT now(),
        received_by uuid REFERENCES users(id),
        received_at timestamptz,
        receive_note text CHECK (length(receive_note) <= 2000),
        cancelled_by uuid REFERENCES users(id),
        cancelled_at timestamptz,
        cancel_reason text CHECK (length(cancel_reason) <= 2000),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (venue_id, factory_org_id) REFERENCES venue_factories (venue_id, factory_org_id),
        CONSTRAINT consignment_receipts_note_no_key UNIQUE (venue_id, factory_org_id, delivery_note_no),
        CONSTRAINT consignment_receipts_id_factory_key UNIQUE (id, factory_org_id),
        CHECK ((status = 'RECEIVED') = (received_at IS NOT NULL)),
        CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL))
      );
      CREATE INDEX consignment_receipts_venue_idx ON consignment_receipts (venue_id, status, declared_at DESC);
      CREATE INDEX consignment_receipts_factory_idx ON consignment_receipts (factory_org_id, declared_at DESC);

      CREATE TABLE consignment_receipt_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        receipt_id uuid NOT NULL,
        factory_org_id uuid NOT NULL,
        line_no integer NOT NULL CHECK (line_no >= 1),
        sku_id uuid NOT NULL,
        declared_quantity integer NOT NULL CHECK (declared_quantity >= 0),
        received_quantity integer CHECK (received_quantity >= 0),
        difference integer GENERATED ALWAYS AS (received_quantity - declared_quantity) STORED,
        FOREIGN KEY (receipt_id, factory_org_id) REFERENCES consignment_receipts (id, factory_org_id) ON DELETE CASCADE,
        FOREIGN KEY (sku_id, factory_org_id) REFERENCES skus (id, factory_org_id),
        CONSTRAINT consignment_receipt_lines_sku_key UNIQUE (receipt_id, sku_id),
        CONSTRAINT consignment_receipt_lines_line_key UNIQUE (receipt_id, line_no)
      );
      CREATE INDEX consignment_receipt_lines_sku_idx ON consignment_receipt_lines (sku_id);

      -- A stock count (盘点) of one location: expected quantities snapshotted at the start.
      CREATE TABLE stock_counts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid NOT NULL,
        location text NOT NULL,
        status text NOT NULL DEFAULT 'COUNTING' CHECK (status IN ('COUNTING', 'SUBMITTED', 'APPROVED', 'CANCELLED')),
        variance_threshold integer NOT NULL CHECK (variance_threshold >= 0),
        requires_admin_approval boolean,
        note text CHECK (length(note) <= 2000),
        started_by uuid REFERENCES users(id),
        started_at timestamptz NOT NULL DEFAULT now(),
        submitted_by uuid REFERENCES users(id),
        submitted_at timestamptz,
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        cancelled_by uuid REFERENCES users(id),
        cancelled_at timestamptz,
        cancel_reason text CHECK (length(cancel_reason) <= 2000),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (venue_id, location) REFERENCES stock_locations (venue_id, kind),
        CHECK (status NOT IN ('SUBMITTED', 'APPROVED') OR (submitted_at IS NOT NULL AND requires_admin_approval IS NOT NULL)),
        CHECK ((status = 'APPROVED') = (approved_at IS NOT NULL)),
        CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL))
      );
      CREATE INDEX stock_counts_venue_idx ON stock_counts (venue_id, status, started_at DESC);

      CREATE TABLE stock_count_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        count_id uuid NOT NULL REFERENCES stock_counts(id) ON DELETE CASCADE,
        sku_id uuid NOT NULL REFERENCES skus(id),
        owner_factory_org_id uuid NOT NULL,
        expected_quantity integer NOT NULL CHECK (expected_quantity >= 0),
        counted_quantity integer CHECK (counted_quantity >= 0),
        variance integer GENERATED ALWAYS AS (counted_quantity - expected_quantity) STORED,
        FOREIGN KEY (sku_id, owner_factory_org_id) REFERENCES skus (id, factory_org_id),
        CONSTRAINT stock_count_lines_sku_key UNIQUE (count_id, sku_id)
      );
      CREATE INDEX stock_count_lines_sku_idx ON stock_count_lines (sku_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE stock_count_lines; DROP TABLE stock_counts;
      DROP TABLE consignment_receipt_lines; DROP TABLE consignment_receipts;
      DROP VIEW stock_ledger_discrepancies;
      DROP TABLE stock_balances; DROP TABLE stock_movements; DROP TABLE stock_operations;
      DROP FUNCTION xp_stock_movement_admitted();
      DROP TRIGGER venues_stock_setup ON venues; DROP FUNCTION xp_venue_stock_setup();
      DROP TABLE venue_stock_settings; DROP TABLE stock_locations;
    `);
  }
}
