import { MigrationInterface, QueryRunner } from 'typeorm';

/** Parties, access and the audit trail. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS pgcrypto;
      CREATE EXTENSION IF NOT EXISTS btree_gist;
      CREATE EXTENSION IF NOT EXISTS pg_trgm;

      -- Rows of an append-only table are never changed or removed.
      CREATE FUNCTION xp_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'XP001';
      END $$;

      -- Unified social credit code, GB 32100-2015: 18 characters of a 31-character alphabet,
      -- the last a check character over the first 17.
      CREATE FUNCTION xp_credit_code_valid(code text) RETURNS boolean
      LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
      DECLARE
        alphabet constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
        weights constant int[] := ARRAY[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28];
        total int := 0;
      BEGIN
        IF code !~ '^[0-9A-HJ-NPQRTUWXY]{18}$' THEN RETURN false; END IF;
        FOR i IN 1..17 LOOP
          total := total + (strpos(alphabet, substr(code, i, 1)) - 1) * weights[i];
        END LOOP;
        RETURN substr(alphabet, (31 - total % 31) % 31 + 1, 1) = substr(code, 18, 1);
      END $$;

      CREATE TABLE regions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT regions_code_key UNIQUE CHECK (code ~ '^[A-Z0-9-]{2,16}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('GOVERNMENT', 'PLATFORM', 'OPERATOR', 'FACTORY')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        credit_code text CONSTRAINT organizations_credit_code_check CHECK (xp_credit_code_valid(credit_code)),
        region_id uuid REFERENCES regions(id),
        address text CHECK (length(address) <= 300),
        industry_belt text CHECK (length(industry_belt) <= 120),
        contact_name text CHECK (length(contact_name) <= 120),
        contact_phone text CHECK (length(contact_phone) <= 40),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organizations_credit_code_key UNIQUE (credit_code),
        -- lets other tables insist on the kind of organization they point to
        CONSTRAINT organizations_id_kind_key UNIQUE (id, kind)
      );
      CREATE INDEX organizations_kind_idx ON organizations (kind, name);
      CREATE INDEX organizations_region_idx ON organizations (region_id);
      CREATE INDEX organizations_name_trgm_idx ON organizations USING gin (name gin_trgm_ops);

      CREATE TABLE venues (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT venues_code_key UNIQUE CHECK (code ~ '^[A-Z0-9-]{2,24}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        city text NOT NULL CHECK (length(city) BETWEEN 1 AND 60),
        region_id uuid NOT NULL REFERENCES regions(id),
        category_focus text NOT NULL CHECK (length(category_focus) BETWEEN 1 AND 120),
        operator_org_id uuid NOT NULL,
        operator_kind text NOT NULL DEFAULT 'OPERATOR' CHECK (operator_kind = 'OPERATOR'),
        government_org_id uuid,
        government_kind text NOT NULL DEFAULT 'GOVERNMENT' CHECK (government_kind = 'GOVERNMENT'),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'CLOSED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (operator_org_id, operator_kind) REFERENCES organizations (id, kind),
        FOREIGN KEY (government_org_id, government_kind) REFERENCES organizations (id, kind)
      );
      CREATE INDEX venues_region_idx ON venues (region_id);
      CREATE INDEX venues_operator_idx ON venues (operator_org_id);
      CREATE INDEX venues_government_idx ON venues (government_org_id);

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' AND length(email) <= 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        token_version integer NOT NULL DEFAULT 0,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_key ON users (lower(email));

      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL,
        organization_kind text NOT NULL,
        role text NOT NULL,
        region_id uuid REFERENCES regions(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organization_id, organization_kind) REFERENCES organizations (id, kind),
        CONSTRAINT memberships_role_kind_check CHECK (
          (role IN ('PLATFORM_ADMIN', 'REGIONAL_MANAGER') AND organization_kind = 'PLATFORM')
          OR (role = 'GOVERNMENT_VIEWER' AND organization_kind = 'GOVERNMENT')
          OR (role IN ('OPERATOR_ADMIN', 'OPERATOR_BD', 'PRICING_REVIEWER', 'SHOWROOM_STAFF', 'WAREHOUSE_STAFF')
              AND organization_kind = 'OPERATOR')
          OR (role IN ('FACTORY_ADMIN', 'FACTORY_STAFF') AND organization_kind = 'FACTORY')
        ),
        CONSTRAINT memberships_region_check CHECK ((role = 'REGIONAL_MANAGER') = (region_id IS NOT NULL)),
        CONSTRAINT memberships_user_org_role_key UNIQUE (user_id, organization_id, role)
      );
      CREATE INDEX memberships_org_idx ON memberships (organization_id);

      -- A membership limited to some of its organization's venues (none listed: all of them).
      CREATE TABLE membership_venues (
        membership_id uuid NOT NULL REFERENCES memberships(id) ON DELETE CASCADE,
        venue_id uuid NOT NULL REFERENCES venues(id),
        PRIMARY KEY (membership_id, venue_id)
      );
      CREATE INDEX membership_venues_venue_idx ON membership_venues (venue_id);

      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_user_id uuid REFERENCES users(id),
        actor_org_id uuid REFERENCES organizations(id),
        venue_id uuid REFERENCES venues(id),
        action text NOT NULL CHECK (length(action) BETWEEN 1 AND 80),
        entity_type text NOT NULL CHECK (length(entity_type) BETWEEN 1 AND 80),
        entity_id uuid,
        before jsonb,
        after jsonb,
        request_id text
      );
      CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at DESC, id);
      CREATE INDEX audit_events_venue_idx ON audit_events (venue_id, occurred_at DESC);
      CREATE INDEX audit_events_actor_org_idx ON audit_events (actor_org_id, occurred_at DESC);
      CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, occurred_at DESC);
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION xp_refuse_change();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION xp_refuse_change();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_events;
      DROP TABLE membership_venues;
      DROP TABLE memberships;
      DROP TABLE users;
      DROP TABLE venues;
      DROP TABLE organizations;
      DROP TABLE regions;
      DROP FUNCTION xp_credit_code_valid(text);
      DROP FUNCTION xp_refuse_change();
    `);
  }
}
