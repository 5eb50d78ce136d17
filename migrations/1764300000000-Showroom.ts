import { MigrationInterface, QueryRunner } from 'typeorm';

/** The showroom: zones → shelves → slots, and who stands on a slot when. */
export class Showroom1764300000000 implements MigrationInterface {
  name = 'Showroom1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE zones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid NOT NULL REFERENCES venues(id),
        code text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9]{0,3}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        floor integer NOT NULL DEFAULT 1 CHECK (floor BETWEEN -5 AND 200),
        category_id uuid REFERENCES categories(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT zones_venue_code_key UNIQUE (venue_id, code),
        CONSTRAINT zones_id_venue_key UNIQUE (id, venue_id)
      );

      CREATE TABLE shelves (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid NOT NULL,
        zone_id uuid NOT NULL,
        number integer NOT NULL CHECK (number BETWEEN 1 AND 999),
        code text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (zone_id, venue_id) REFERENCES zones (id, venue_id),
        CONSTRAINT shelves_zone_number_key UNIQUE (zone_id, number),
        CONSTRAINT shelves_id_venue_key UNIQUE (id, venue_id)
      );

      CREATE TABLE slots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid NOT NULL,
        zone_id uuid NOT NULL,
        shelf_id uuid NOT NULL,
        level integer NOT NULL CHECK (level BETWEEN 1 AND 20),
        code text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9]{0,3}-[0-9]{2,3}-[0-9]{1,2}$'),
        kind text NOT NULL DEFAULT 'SHELF' CHECK (kind IN ('SHELF', 'BOOTH', 'END_CAP', 'WINDOW')),
        width_cm integer NOT NULL DEFAULT 60 CHECK (width_cm BETWEEN 1 AND 10000),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'MAINTENANCE', 'RETIRED')),
        -- the business days the slot exists for, so that occupancy is exact for any period
        active_from date NOT NULL DEFAULT (now() AT TIME ZONE 'Asia/Shanghai')::date,
        retired_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (shelf_id, venue_id) REFERENCES shelves (id, venue_id),
        CONSTRAINT slots_venue_code_key UNIQUE (venue_id, code),
        CONSTRAINT slots_shelf_level_key UNIQUE (shelf_id, level),
        CONSTRAINT slots_id_venue_key UNIQUE (id, venue_id),
        CHECK ((status = 'RETIRED') = (retired_on IS NOT NULL)),
        CHECK (retired_on IS NULL OR retired_on >= active_from)
      );
      CREATE INDEX slots_zone_idx ON slots (zone_id, code);

      -- One SKU of an admitted factory on one slot for business days [from, to); upper bound
      -- open = until further notice. No two live assignments of a slot overlap: PostgreSQL holds it.
      CREATE TABLE slot_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid NOT NULL,
        slot_id uuid NOT NULL,
        sku_id uuid NOT NULL REFERENCES skus(id),
        factory_org_id uuid NOT NULL REFERENCES organizations(id),
        period daterange NOT NULL CHECK (NOT isempty(period) AND lower(period) IS NOT NULL
                                         AND lower_inc(period) AND NOT upper_inc(period)),
        status text NOT NULL DEFAULT 'LIVE' CHECK (status IN ('LIVE', 'CANCELLED')),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (slot_id, venue_id) REFERENCES slots (id, venue_id),
        CONSTRAINT slot_assignments_no_overlap EXCLUDE USING gist (slot_id WITH =, period WITH &&)
          WHERE (status = 'LIVE')
      );
      CREATE INDEX slot_assignments_venue_period_idx ON slot_assignments USING gist (venue_id, period) WHERE status = 'LIVE';
      CREATE INDEX slot_assignments_factory_idx ON slot_assignments (factory_org_id, venue_id);
      CREATE INDEX slot_assignments_sku_idx ON slot_assignments (sku_id);

      -- A factory asking for a free slot; showroom staff turn it into an assignment or decline it.
      CREATE TABLE slot_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid NOT NULL,
        slot_id uuid NOT NULL,
        sku_id uuid NOT NULL REFERENCES skus(id),
        factory_org_id uuid NOT NULL REFERENCES organizations(id),
        period daterange NOT NULL CHECK (NOT isempty(period) AND lower(period) IS NOT NULL),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED', 'WITHDRAWN')),
        note text CHECK (length(note) <= 1000),
        decision_reason text CHECK (length(decision_reason) <= 1000),
        assignment_id uuid REFERENCES slot_assignments(id),
        requested_by uuid REFERENCES users(id),
        decided_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        FOREIGN KEY (slot_id, venue_id) REFERENCES slots (id, venue_id),
        CHECK (status <> 'APPROVED' OR assignment_id IS NOT NULL),
        CHECK (status <> 'DECLINED' OR decision_reason IS NOT NULL)
      );
      CREATE INDEX slot_requests_queue_idx ON slot_requests (venue_id, status, created_at);
      CREATE INDEX slot_requests_factory_idx ON slot_requests (factory_org_id, created_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE slot_requests; DROP TABLE slot_assignments; DROP TABLE slots; DROP TABLE shelves; DROP TABLE zones;');
  }
}
