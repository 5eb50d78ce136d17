import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Factory onboarding (admissions, documents, brands) and the catalog (categories, products,
 * SKUs). The tables other areas build on; their services live in libs/factories and libs/catalog.
 */
export class FactoriesCatalog1764100000000 implements MigrationInterface {
  name = 'FactoriesCatalog1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- GTIN-13 (EAN-13): 13 digits, the last a mod-10 check digit with weights 1,3,1,3…
      CREATE FUNCTION xp_gtin13_valid(code text) RETURNS boolean
      LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
      DECLARE total int := 0;
      BEGIN
        IF code !~ '^[0-9]{13}$' THEN RETURN false; END IF;
        FOR i IN 1..12 LOOP
          total := total + substr(code, i, 1)::int * (CASE WHEN i % 2 = 0 THEN 3 ELSE 1 END);
        END LOOP;
        RETURN (10 - total % 10) % 10 = substr(code, 13, 1)::int;
      END $$;

      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_org_id uuid NOT NULL REFERENCES organizations(id),
        kind text NOT NULL CHECK (kind IN ('BUSINESS_LICENSE', 'TRADEMARK_CERTIFICATE', 'INSPECTION_REPORT',
                                           'PRODUCT_IMAGE', 'SPREADSHEET', 'OTHER')),
        mime_type text NOT NULL CHECK (length(mime_type) <= 100),
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        original_name text CHECK (length(original_name) <= 255),
        uploaded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX documents_owner_idx ON documents (owner_org_id, created_at DESC);
      -- The bytes, apart so that listing documents never reads them; in the database so that a
      -- backup holds everything and every API replica sees every file.
      CREATE TABLE document_contents (
        document_id uuid PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        content bytea NOT NULL
      );

      CREATE TABLE categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES categories(id),
        code text NOT NULL CONSTRAINT categories_code_key UNIQUE CHECK (code ~ '^[A-Z0-9-]{1,32}$'),
        name_zh text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 60),
        name_en text CHECK (length(name_en) <= 120),
        sort_order integer NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS DISTINCT FROM id)
      );
      CREATE INDEX categories_parent_idx ON categories (parent_id, sort_order);

      -- A factory's admission to one venue, with its agreement terms.
      CREATE TABLE venue_factories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid NOT NULL REFERENCES venues(id),
        factory_org_id uuid NOT NULL,
        factory_kind text NOT NULL DEFAULT 'FACTORY' CHECK (factory_kind = 'FACTORY'),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED',
                                                                 'APPROVED', 'REJECTED', 'SUSPENDED')),
        settlement_cycle text NOT NULL DEFAULT 'MONTHLY' CHECK (settlement_cycle IN ('MONTHLY')),
        payment_term_days integer NOT NULL DEFAULT 30 CHECK (payment_term_days BETWEEN 0 AND 180),
        note text CHECK (length(note) <= 2000),
        submitted_at timestamptz,
        decided_at timestamptz,
        admitted_at timestamptz,
        suspended_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (factory_org_id, factory_kind) REFERENCES organizations (id, kind),
        CONSTRAINT venue_factories_venue_factory_key UNIQUE (venue_id, factory_org_id)
      );
      CREATE INDEX venue_factories_queue_idx ON venue_factories (venue_id, status, submitted_at);
      CREATE INDEX venue_factories_factory_idx ON venue_factories (factory_org_id);

      CREATE TABLE venue_factory_categories (
        venue_factory_id uuid NOT NULL REFERENCES venue_factories(id) ON DELETE CASCADE,
        category_id uuid NOT NULL REFERENCES categories(id),
        PRIMARY KEY (venue_factory_id, category_id)
      );
      CREATE INDEX venue_factory_categories_category_idx ON venue_factory_categories (category_id);

      CREATE TABLE venue_factory_documents (
        venue_factory_id uuid NOT NULL REFERENCES venue_factories(id) ON DELETE CASCADE,
        document_id uuid NOT NULL REFERENCES documents(id),
        PRIMARY KEY (venue_factory_id, document_id)
      );
      CREATE INDEX venue_factory_documents_document_idx ON venue_factory_documents (document_id);

      -- Every step of an admission with its reason, shown to the factory.
      CREATE TABLE venue_factory_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_factory_id uuid NOT NULL REFERENCES venue_factories(id) ON DELETE CASCADE,
        action text NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
        from_status text,
        to_status text NOT NULL,
        reason text CHECK (length(reason) <= 2000),
        actor_user_id uuid REFERENCES users(id),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX venue_factory_events_vf_idx ON venue_factory_events (venue_factory_id, occurred_at);

      CREATE TABLE brands (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        factory_org_id uuid NOT NULL,
        factory_kind text NOT NULL DEFAULT 'FACTORY' CHECK (factory_kind = 'FACTORY'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        trademark_reg_no text NOT NULL CHECK (trademark_reg_no ~ '^[0-9A-Z]{4,20}$'),
        certificate_document_id uuid REFERENCES documents(id),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'VERIFIED', 'REJECTED')),
        review_reason text CHECK (length(review_reason) <= 2000),
        reviewed_by uuid REFERENCES users(id),
        reviewer_org_id uuid REFERENCES organizations(id),
        reviewed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (factory_org_id, factory_kind) REFERENCES organizations (id, kind),
        CONSTRAINT brands_factory_name_key UNIQUE (factory_org_id, name),
        CONSTRAINT brands_factory_trademark_key UNIQUE (factory_org_id, trademark_reg_no),
        CONSTRAINT brands_id_factory_key UNIQUE (id, factory_org_id),
        CHECK (status <> 'REJECTED' OR review_reason IS NOT NULL)
      );
      CREATE INDEX brands_status_idx ON brands (status, created_at);

      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        factory_org_id uuid NOT NULL,
        factory_kind text NOT NULL DEFAULT 'FACTORY' CHECK (factory_kind = 'FACTORY'),
        category_id uuid NOT NULL REFERENCES categories(id),
        brand_id uuid,
        title_zh text NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 120),
        title_en text CHECK (length(title_en) <= 200),
        description text CHECK (length(description) <= 5000),
        image_document_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ARCHIVED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (factory_org_id, factory_kind) REFERENCES organizations (id, kind),
        -- a product's brand is one of its own factory's brands
        FOREIGN KEY (brand_id, factory_org_id) REFERENCES brands (id, factory_org_id),
        CONSTRAINT products_id_factory_key UNIQUE (id, factory_org_id)
      );
      CREATE INDEX products_factory_idx ON products (factory_org_id, created_at DESC);
      CREATE INDEX products_category_idx ON products (category_id);
      CREATE INDEX products_brand_idx ON products (brand_id);
      CREATE INDEX products_title_trgm_idx ON products USING gin (title_zh gin_trgm_ops);

      CREATE TABLE skus (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL,
        factory_org_id uuid NOT NULL,
        code text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$'),
        gtin text CONSTRAINT skus_gtin_check CHECK (xp_gtin13_valid(gtin)),
        attributes jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attributes) = 'object'),
        unit text NOT NULL DEFAULT '件' CHECK (length(unit) BETWEEN 1 AND 10),
        pack_size integer NOT NULL DEFAULT 1 CHECK (pack_size BETWEEN 1 AND 100000),
        moq integer NOT NULL DEFAULT 1 CHECK (moq BETWEEN 1 AND 1000000),
        weight_grams integer CHECK (weight_grams > 0),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ARCHIVED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (product_id, factory_org_id) REFERENCES products (id, factory_org_id),
        CONSTRAINT skus_factory_code_key UNIQUE (factory_org_id, code),
        -- an order is a whole number of packs, so the MOQ is too
        CONSTRAINT skus_moq_packs_check CHECK (moq % pack_size = 0)
      );
      CREATE INDEX skus_product_idx ON skus (product_id);
      CREATE INDEX skus_gtin_idx ON skus (gtin) WHERE gtin IS NOT NULL;

      -- The platform's category tree, starting with the demo venues' focus categories.
      INSERT INTO categories (code, name_zh, name_en, sort_order) VALUES
        ('APPAREL', '服装针织', 'Apparel and knitwear', 10),
        ('LUGGAGE', '箱包皮具', 'Luggage and bags', 20),
        ('HARDWARE', '五金工具', 'Hardware and tools', 30),
        ('3C', '3C数码', '3C electronics', 40),
        ('BEAUTY', '美妆个护', 'Beauty and personal care', 50),
        ('DAILY', '日用百货', 'Daily goods', 60);
      INSERT INTO categories (parent_id, code, name_zh, name_en, sort_order)
      SELECT p.id, c.code, c.name_zh, c.name_en, c.sort_order
      FROM (VALUES
        ('APPAREL', 'APPAREL-SCARF', '针织围巾', 'Knitted scarves', 1),
        ('APPAREL', 'APPAREL-SWEATER', '毛衣', 'Sweaters', 2),
        ('APPAREL', 'APPAREL-HAT', '针织帽', 'Knitted hats', 3),
        ('LUGGAGE', 'LUGGAGE-TROLLEY', '拉杆箱', 'Trolley cases', 1),
        ('LUGGAGE', 'LUGGAGE-BACKPACK', '双肩包', 'Backpacks', 2),
        ('HARDWARE', 'HARDWARE-HAND', '手动工具', 'Hand tools', 1),
        ('HARDWARE', 'HARDWARE-POWER', '电动工具', 'Power tools', 2),
        ('HARDWARE', 'HARDWARE-KITCHEN', '厨房五金', 'Kitchen hardware', 3),
        ('3C', '3C-ACCESSORY', '手机配件', 'Phone accessories', 1),
        ('3C', '3C-AUDIO', '耳机音响', 'Audio', 2),
        ('BEAUTY', 'BEAUTY-SKIN', '护肤', 'Skin care', 1),
        ('BEAUTY', 'BEAUTY-MAKEUP', '彩妆', 'Make-up', 2),
        ('DAILY', 'DAILY-KITCHEN', '厨房用品', 'Kitchenware', 1),
        ('DAILY', 'DAILY-STORAGE', '收纳整理', 'Storage', 2)
      ) AS c(parent_code, code, name_zh, name_en, sort_order)
      JOIN categories p ON p.code = c.parent_code;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE skus; DROP TABLE products; DROP TABLE brands;
      DROP TABLE venue_factory_events; DROP TABLE venue_factory_documents; DROP TABLE venue_factory_categories;
      DROP TABLE venue_factories; DROP TABLE categories; DROP TABLE document_contents; DROP TABLE documents;
      DROP FUNCTION xp_gtin13_valid(text);
    `);
  }
}
